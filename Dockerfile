# pipegen as a container image: `docker build -t pipegen .`, then
#   docker run --rm -v "$PWD:/work" pipegen check
#
# The build stage runs scripts/release, the same command and the same build as the release
# tarball (scripts/test runs this stage's RUN lines itself, from the repository root, and
# checks the result byte for byte in a chroot). The image holds only what that root file
# system holds: the statically linked binary, the few system libraries ldd names, and a
# non-root user. Its toolchain image matches the one the project is built and tested with.
FROM swift:6.3.1-bookworm AS build
WORKDIR /src
COPY . .
RUN ./scripts/release --out dist --rootfs rootfs

FROM scratch
COPY --from=build /src/rootfs /
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/pipegen"]
CMD ["--help"]
