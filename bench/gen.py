#!/usr/bin/env python3
"""Pre-generates DOKU-signed requests for bench/run (wrk's Lua has no HMAC).

Three kinds, each written as one file per wrk thread (<out>.t0, <out>.t1, ...), one request a line:
Request-Id, Request-Timestamp, Signature and body, tab-separated (bodies are one-line JSON):

  page    payment-page requests as the gateway sends them to DOKU, each with its own invoice number
          and Request-Id, signed as a merchant signs them (the emulator verifies them);
  charge  the same for the CHARGE that a MOTO charge through the gateway sends (bench/lua/charge.lua);
  notify  DOKU's "SALE SUCCESS" notifications, one per line of --invoices (invoice, amount and the
          payment's DOKU Request-Id, tab-separated), signed as DOKU signs them, with the notification
          path as Request-Target.

Timestamps are "now": bench/run generates each file just before the run that uses it, well inside
the 15 minutes that the emulator and the gateway accept.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import uuid


def sign(client_id, secret, request_id, timestamp, target, body):
    """DOKU's Non-SNAP signature (see shared/doku/NOTES.md)."""
    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    text = (f"Client-Id:{client_id}\nRequest-Id:{request_id}\nRequest-Timestamp:{timestamp}\n"
            f"Request-Target:{target}\nDigest:{digest}")
    mac = hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()
    return "HMACSHA256=" + base64.b64encode(mac).decode()


def compact(obj):
    return json.dumps(obj, separators=(",", ":")).encode()


def page_bodies(prefix, count):
    """What the gateway sends for a minimal payment page (PaymentPageBody), so the floor is the same call."""
    for n in range(count):
        yield compact({
            "order": {"amount": 90000, "invoice_number": f"{prefix}-{n}",
                      "callback_url": "https://shop.example.com/done", "auto_redirect": False},
            "customer": {"id": "CUST-BENCH", "name": "Bench Customer", "email": "bench@example.com"},
            "payment": {"type": "SALE"},
        })


def charge_bodies(prefix, count):
    """What the gateway sends for bench/lua/charge.lua's MOTO charge (ChargeBody), so the floor is the same call."""
    expiry = f"12{(datetime.datetime.now(datetime.timezone.utc).year + 2) % 100:02d}"
    for n in range(count):
        yield compact({
            "order": {"amount": 90000, "invoice_number": f"{prefix}-{n}"},
            "payment": {"type": "MOTO"},
            "card": {"number": "4111111111111111", "expiry": expiry},
        })


def notification_bodies(invoices_file, date):
    """The shape the emulator sends for a paid page (TransactionJson.paymentNotification)."""
    with open(invoices_file) as f:
        for line in f:
            invoice, amount, request_id = line.rstrip("\n").split("\t")
            yield compact({
                "order": {"invoice_number": invoice, "amount": int(amount)},
                "customer": {"id": "CUST-BENCH"},
                "transaction": {"type": "SALE", "status": "SUCCESS", "date": date,
                                "original_request_id": request_id},
                "service": {"id": "CREDIT_CARD"},
                "acquirer": {"id": "BCA"},
                "channel": {"id": "CREDIT_CARD"},
                "card_payment": {"masked_card_number": "411111******1111", "approval_code": "482556",
                                 "response_code": "00", "response_message": "PAYMENT APPROVED",
                                 "brand": "VISA", "issuer": "BCA", "type": "CREDIT"},
            })


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["page", "charge", "notify"])
    p.add_argument("--out", required=True, help="file prefix; writes <out>.t0 .. <out>.t<threads-1>")
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--client-id", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--target", required=True, help="Request-Target: the path signed")
    p.add_argument("--count", type=int, help="page, charge: how many requests")
    p.add_argument("--prefix", help="page, charge: invoice number prefix")
    p.add_argument("--invoices", help="notify: invoice<TAB>amount<TAB>request id, one a line")
    a = p.parse_args()

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    bodies = {"page": lambda: page_bodies(a.prefix, a.count), "charge": lambda: charge_bodies(a.prefix, a.count),
              "notify": lambda: notification_bodies(a.invoices, now)}[a.kind]()
    outs = [open(f"{a.out}.t{t}", "w") for t in range(a.threads)]
    written = 0
    for n, body in enumerate(bodies):
        request_id = str(uuid.uuid4())
        signature = sign(a.client_id, a.secret, request_id, now, a.target, body)
        outs[n % a.threads].write(f"{request_id}\t{now}\t{signature}\t{body.decode()}\n")
        written += 1
    for f in outs:
        f.close()
    print(written)


if __name__ == "__main__":
    main()
