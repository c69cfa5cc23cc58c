"""HTTP Basic authentication that refuses credentials no user can have before any query."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import BasicScheme
from rest_framework import authentication, exceptions
from rest_framework.request import Request


class BasicAuthentication(authentication.BasicAuthentication):
    """DRF's Basic authentication; a NUL character or an overlong user id is a 401 at once.

    PostgreSQL cannot hold NUL in text, so looking such a user up raised a DataError: a 500
    for any client that sent `Authorization: Basic` with a NUL in it (found by schemathesis).
    """

    MAX_LENGTH = 300

    def authenticate_credentials(
        self, userid: str, password: str, request: Request | None = None
    ) -> tuple[Any, None]:
        if (
            "\x00" in userid
            or "\x00" in password
            or len(userid) > self.MAX_LENGTH
            or len(password) > 4096
        ):
            raise exceptions.AuthenticationFailed(_("Invalid username/password."))
        return super().authenticate_credentials(userid, password, request)


class BasicAuthenticationScheme(BasicScheme):
    """Documents the class above as OpenAPI's `basicAuth`, like DRF's own."""

    target_class = "catalog.api.authentication.BasicAuthentication"
    priority = 0
