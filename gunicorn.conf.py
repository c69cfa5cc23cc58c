"""Gunicorn settings of the demo shop (gunicorn reads ./gunicorn.conf.py; `make serve` uses it).

Every value can be overridden on the command line or through the environment below.
"""

import multiprocessing
import os

wsgi_app = "shop_mg.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threads, not only processes: a worker streaming the JSON Lines feed (a minute or more at
# 100,000 products) keeps answering its heartbeat, so `timeout` kills only a hung worker,
# never a long feed; and a sync worker would hold a whole process per feed reader.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind a load balancer that keeps connections open; longer than its idle timeout would
# race with it, shorter costs reconnects.
keepalive = 5
# Heartbeat files in memory, not on a disk that may stall (Docker's overlay, a busy volume).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The app writes one JSON line per request (shop_mg.logging); gunicorn's own access log would
# repeat it in another format. Errors (worker boots, timeouts, kills) still go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# A local control socket is of no use behind a process manager and would be one more thing
# listening on the host.
control_socket_disable = True

# The proxy in front sets X-Forwarded-For / X-Forwarded-Proto; only trust it from here.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


# django-prometheus with several workers (DJANGO_METRICS=1): each worker writes its metrics to
# PROMETHEUS_MULTIPROC_DIR (an empty directory, emptied at each start) and /metrics adds them
# up; a worker that exits is marked dead so its gauges go.
def child_exit(server, worker):  # noqa: ARG001 - gunicorn's hook signature
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
