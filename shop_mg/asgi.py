import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_mg.settings")
# Serving with DEBUG off refuses to start without DJANGO_SECRET_KEY (see settings).
os.environ.setdefault("DJANGO_REQUIRE_SECRET_KEY", "1")
application = get_asgi_application()
