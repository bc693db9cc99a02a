"""Alert pages, with no account: ask for an alert, confirm it, leave it, manage an address's alerts.

Every page after the first is reached through a signed link from an email (alerts.links); nothing here shows
which addresses exist."""
from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from browse.forms import StatementFilterForm
from common.throttling import client_address, hit

from . import emails, links, selectors, services
from .forms import AlertForm, FrequencyForm, filters_from


@require_http_methods(["GET", "POST"])
def new_alert(request):
    """GET: the form, filled from the list's URL (?actor=...&q=...). POST: ask for the alert, mail the link."""
    if request.method == "GET":
        listed = StatementFilterForm(request.GET)
        listed.is_valid()  # what the list's URL says; bad values are left out and shown as errors on the form
        initial = {key: value for key, value in request.GET.items() if key in AlertForm.KEPT}
        return render(request, "alerts/new.html", {
            "form": AlertForm(initial=initial), "preview": filters_from(listed.cleaned_data).describe(),
            "notices": listed.error_messages()})
    form = AlertForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/new.html", {"form": form, **_volume(form)}, status=400)
    email = services.normalize_email(form.cleaned_data["email"])
    wait = _over_rate(request, email)
    if wait:
        form.add_error(None, f"Too many alert requests from here or for this address. Try again in {wait:.0f} seconds.")
        response = render(request, "alerts/new.html", {"form": form}, status=429)
        response["Retry-After"] = f"{wait:.0f}"
        return response
    alert = services.request_alert(
        email=email, filters=form.alert_filters(), frequency=form.cleaned_data["frequency"])
    volume = selectors.statements_per_day() if form.alert_filters().is_everything else None
    emails.send_confirmation(alert=alert, volume_per_day=volume)
    return render(request, "alerts/requested.html", {"alert": alert, "email": email})


def _volume(form) -> dict:
    if form.has_error("__all__", code="everything"):
        return {"volume_per_day": selectors.statements_per_day()}
    return {}


def _over_rate(request, email: str) -> float:
    """Seconds to wait when this address or this client asked for too many alerts lately, else 0."""
    for key, rate in ((f"alerts:address:{email}", settings.ALERT_REQUEST_RATE_PER_ADDRESS),
                      (f"alerts:client:{client_address(request)}", settings.ALERT_REQUEST_RATE_PER_CLIENT)):
        allowed, wait = hit(key, rate)
        if not allowed:
            return wait
    return 0


def _alert_from(purpose: str, token: str):
    pk = links.read_token(purpose, token)
    alert = selectors.alert_by_pk(pk) if pk is not None else None
    if alert is None:
        raise Http404("This link is not valid (it may be incomplete or too old). Ask for the alert again.")
    return alert


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST starts the alert: a link checker that opens the link confirms nothing."""
    alert = _alert_from("confirm", token)
    if request.method == "POST":
        services.confirm_alert(alert=alert)
    return render(request, "alerts/confirm.html", {
        "alert": alert, "manage_url": links.manage_url(alert.subscriber.email)})


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" with no cookie or token; the link is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click: the alert stops (GET from the message's link, POST from the List-Unsubscribe header)."""
    alert = _alert_from("unsubscribe", token)
    if request.method == "POST" and request.POST.get("action") == "undo":
        # the page's "Keep this alert": a mail scanner that opened the link stopped it
        services.resubscribe(alert=alert)
        return render(request, "alerts/confirm.html", {
            "alert": alert, "manage_url": links.manage_url(alert.subscriber.email)})
    services.unsubscribe(alert=alert)
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse("Unsubscribed.", content_type="text/plain")
    return render(request, "alerts/unsubscribed.html", {
        "alert": alert, "manage_url": links.manage_url(alert.subscriber.email)})


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """An address's alerts: change how often each is sent, or stop it."""
    email = links.read_token("manage", token)
    if email is None:
        raise Http404("This link is not valid. Use the link in your latest alert message.")
    if request.method == "POST":
        alert = selectors.alerts_of(email).filter(pk=request.POST.get("alert")).first()
        if alert is None:
            raise Http404("No such alert for this address.")
        if request.POST.get("action") == "stop":
            services.unsubscribe(alert=alert)
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                services.set_frequency(alert=alert, frequency=form.cleaned_data["frequency"])
        return redirect(request.path)
    alerts = list(selectors.alerts_of(email))
    return render(request, "alerts/manage.html", {
        "email": email, "alerts": alerts, "frequencies": FrequencyForm.base_fields["frequency"].choices})
