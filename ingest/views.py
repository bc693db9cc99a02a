"""The upload page for editors and the status it shows while articles are processed."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import TooManyFilesSent
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import defaults
from django.views.decorators.http import require_GET

from common.api.errors import error_body
from common.throttling import over_account_rate
from statements.models import Source

from . import services, validation
from .forms import UploadForm
from .services import ArticleRejected


@login_required
@permission_required("statements.add_source", raise_exception=True)
def upload(request):
    # UPLOAD_RATE per account, one count with the API's uploads (common.throttling).
    if request.method == "POST" and (wait := over_account_rate(request, "uploads")):
        messages.error(request, f"Too many uploads: at most {settings.UPLOAD_RATE}. "
                                f"Try again in {wait:.0f} seconds.")
        response = render(request, "ingest/upload.html", {"form": UploadForm()}, status=429)
        response["Retry-After"] = f"{wait:.0f}"
        return response
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        metadata = {k: data[k] or v for k, v in (("title", ""), ("publisher", ""), ("url", ""), ("published", None))}
        submissions = [
            (upload.name, lambda upload=upload: services.submit_article(
                raw=upload.read(), filename=upload.name, content_type=upload.content_type or "",
                publisher=metadata["publisher"], published=metadata["published"],
            ))
            for upload in data["files"]
        ]
        if (data.get("text") or "").strip():
            submissions.append(("The pasted article", lambda: services.submit_text(text=data["text"], **metadata)))
        ids, refused = [], []
        for label, submit in submissions:
            try:
                submission = submit()
            except ArticleRejected as exc:
                refused.append(f"{label}: {exc}")
                continue
            ids.append(submission.source.pk)
            if not submission.created:
                messages.info(request, f"{label} is already stored (source {submission.source.pk}).")
        for message in refused:
            messages.error(request, message)
        if ids:
            return redirect(reverse("ingest:status") + "?ids=" + ",".join(map(str, dict.fromkeys(ids))))
    return render(request, "ingest/upload.html", {"form": form})


def bad_request(request, exception=None):
    """handler400: a request with more files than MAX_FILES_PER_UPLOAD gets ingest.validation's message.

    Django's request parser refuses it (TooManyFilesSent) before any view runs, as soon as the CSRF check
    reads the form; every other bad request gets Django's own answer.
    """
    if not isinstance(exception, TooManyFilesSent):
        return defaults.bad_request(request, exception)
    refusal = validation.too_many_files()
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(status_code=400, code=refusal.code, message=refusal.message), status=400)
    return render(request, "ingest/refused.html", {"message": refusal.message}, status=400)


def _requested_ids(request) -> list[int]:
    raw = request.GET.get("ids", "")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()][:200]


FINISHED = {Source.Status.DONE, Source.Status.FAILED, Source.Status.DUPLICATE}  # the status page stops polling


def _requested_sources(request):
    return (Source.objects.filter(pk__in=_requested_ids(request)).defer("original", "text")
            .annotate(n=Count("statements")).order_by("pk"))


@login_required
@require_GET
def status(request):
    sources = list(_requested_sources(request))
    return render(request, "ingest/status.html", {
        "sources": sources, "ids": ",".join(str(s.pk) for s in sources),
        "pending": any(s.status not in FINISHED for s in sources),
    })


@login_required
@require_GET
def status_json(request):
    sources = list(_requested_sources(request))
    return JsonResponse({
        "sources": [
            {"id": s.pk, "title": str(s), "status": s.status, "status_display": s.get_status_display(),
             "error": s.error, "statements": s.n, "url": s.get_absolute_url(), "finished": s.status in FINISHED}
            for s in sources
        ],
        "finished": all(s.status in FINISHED for s in sources),
    })
