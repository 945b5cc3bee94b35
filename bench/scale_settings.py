"""Settings for the scale benchmark: the app's own settings with a URLconf adding the floor."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "bench.scale_urls"

# wrk sends each API request from an address of its own in X-Forwarded-For (many readers, each
# with its own small throttle log), as a proxy in front of the app would.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": 1}  # noqa: F405
