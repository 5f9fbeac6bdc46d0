# syntax=docker/dockerfile:1
# A small image with `quipu` and the default rules (/opt/quipu/rules, the working directory,
# so `quipu run` finds them without --rules).
#
#   docker build -t quipu:0.1.0 .
#   docker run --rm -v "$PWD/corpus:/data/corpus:ro" -v "$PWD/result:/data/out" \
#     quipu:0.1.0 run /data/corpus --out /data/out
#
# Built with the official Swift image; the Swift runtime and Foundation are linked in
# statically, so the runtime image needs ICU only (the system ICU that Quipu's CICU module
# uses). SWIFT_VERSION and DEBIAN pick the tags; ICU_PACKAGE must be that Debian's libicu.
ARG SWIFT_VERSION=6.3
ARG DEBIAN=bookworm

FROM swift:${SWIFT_VERSION}-${DEBIAN} AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libicu-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Tests/ too: the manifest declares the test targets, and SwiftPM checks their folders.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product quipu --static-swift-stdlib \
    && install -D -m 755 "$(swift build -c release --show-bin-path)/quipu" /opt/quipu/bin/quipu \
    && strip /opt/quipu/bin/quipu
COPY rules /opt/quipu/rules

FROM debian:${DEBIAN}-slim
ARG ICU_PACKAGE=libicu72
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${ICU_PACKAGE} \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 10001 --user-group --no-create-home --home-dir /opt/quipu quipu
COPY --from=build /opt/quipu /opt/quipu
ENV PATH=/opt/quipu/bin:$PATH
WORKDIR /opt/quipu
# Fails the build if a library is missing or the default rules do not load.
RUN quipu --version && quipu check
USER 10001:10001
ENTRYPOINT ["quipu"]
CMD ["--help"]
