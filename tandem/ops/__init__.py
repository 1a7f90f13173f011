"""Running Tandem in production: readiness, metrics, log lines and a gentle shutdown.

One concern per module: ``health`` (may this process be sent work?), ``metrics``
(Prometheus, in a registry an object owns), ``logs`` (text or JSON lines, secrets
masked), ``web`` (the routes and the request middleware), ``shutdown`` (SIGTERM).
"""
