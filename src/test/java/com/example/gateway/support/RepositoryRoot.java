package com.example.gateway.support;

import java.nio.file.Path;

/**
 * Files of the repository beside the service's sources (k8s/, docs/, emulator/). The build passes the
 * repository's root as {@code repository.root}; an IDE that runs the tests from the root finds it as
 * the working directory.
 */
public final class RepositoryRoot {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", ".")).normalize();

    private RepositoryRoot() {
    }

    /** A path relative to the repository's root, such as {@code k8s/base/kustomization.yaml}. */
    public static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }
}
