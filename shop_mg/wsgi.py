import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
# Serving with DEBUG off (gunicorn in production) refuses to start without DJANGO_SECRET_KEY.
os.environ.setdefault("DJANGO_REQUIRE_SECRET_KEY", "1")
application = get_wsgi_application()
