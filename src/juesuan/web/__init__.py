"""The web application: `juesuan serve` (FastAPI + uvicorn) with Chinese pages (Jinja2) and a REST API under
/api, over the pipeline, the store and the batch pool. app.py puts it together; settings.py holds what the
command line sets; uploads.py sniffs and bounds what is sent; checker.py checks uploads off the request
thread; security.py holds the token, sessions and cross-site rules; pages.py and api.py are the routes;
pdf_pages.py draws a PDF page with each finding's area boxed. Installed with the `web` extra."""
