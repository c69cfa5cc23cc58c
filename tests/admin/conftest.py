from typing import Any

import pytest
from django.core.management import call_command
from django.forms import CheckboxInput, ModelMultipleChoiceField, MultipleChoiceField

from tests.factories import make_user


@pytest.fixture
def superuser(db):
    return make_user(superuser=True, username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def groups(db):
    call_command("create_catalog_groups", verbosity=0)


def _value(bound: Any) -> Any:
    """What a browser submits for a bound field: None when it sends nothing."""
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, CheckboxInput):
        return "on" if value else None
    if isinstance(bound.field, MultipleChoiceField | ModelMultipleChoiceField):
        return [str(getattr(v, "pk", v)) for v in value or []] or None
    return "" if value is None else str(value)


def _add_form(data: dict[str, Any], form: Any) -> None:
    for bound in form:
        value = _value(bound)
        if value is not None:
            data[bound.html_name] = value


def form_data(response: Any) -> dict[str, Any]:
    """The POST data a browser sends back for an admin add/change page, unchanged.

    Built from the rendered forms: the main form, then every inline's management form and
    forms (extra, empty forms included as the browser sends them).
    """
    data: dict[str, Any] = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    return data
