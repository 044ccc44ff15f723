package com.example.gateway.doku;

/** DOKU's unbind request. Its field names are flat snake_case, unlike the other calls. */
record DeleteTokenBody(String tokenId, String customerId) {
}
