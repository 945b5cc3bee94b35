"""Settings for the scale benchmark: the app's own settings with a URLconf adding the floor."""

from factcheck.settings import *  # noqa: F403

ROOT_URLCONF = "bench.scale_urls"
