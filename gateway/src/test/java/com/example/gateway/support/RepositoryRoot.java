package com.example.gateway.support;

import java.nio.file.Path;

/**
 * Files of the repository outside the gateway module (k8s/, emulator/). The tests run in gateway/;
 * the build passes the repository's root as {@code repository.root}, and an IDE that runs them in
 * gateway/ as well finds it as the parent directory.
 */
public final class RepositoryRoot {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).normalize();

    private RepositoryRoot() {
    }

    /** A path relative to the repository's root, such as {@code k8s/base/kustomization.yaml}. */
    public static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }
}
