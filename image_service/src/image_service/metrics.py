"""Prometheus metrics of the image service (exported on ``/metrics`` with the fleet's HTTP metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

GENERATIONS = Counter(
    "image_generations_total",
    "Finished generations by kind (portrait, item, map), provider and outcome",
    ["kind", "provider", "status"],
)
RENDER_SECONDS = Histogram(
    "image_render_seconds",
    "Time to produce an image's bytes (maps: generation and both renders), by kind and provider",
    ["kind", "provider"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
JOB_WAIT_SECONDS = Histogram(
    "image_job_wait_seconds",
    "Time from a job's creation to its claim by a worker",
    ["kind"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
)
