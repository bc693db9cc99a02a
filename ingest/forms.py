from django import forms

from . import validation
from .validation import ArticleRejected


def translated(check, value, **kwargs):
    """Run one of ingest.validation's checks; its refusal becomes the form's error, same message and code."""
    try:
        return check(value, **kwargs)
    except ArticleRejected as exc:
        raise forms.ValidationError(exc.message, code=exc.code) from exc


class ArticleURLField(forms.URLField):
    """The article's address: ingest.validation's rule (http:// or https:// only) and message, nothing else."""

    default_validators = []

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("max_length", validation.MAX_URL_LENGTH)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        translated(validation.check_url, value)


class ArticleFieldsMixin:
    """clean_published through ingest.validation (a real date, not in the future); declare url as ArticleURLField."""

    def clean_published(self):
        return translated(validation.check_published, self.cleaned_data.get("published"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": validation.ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            translated(validation.check_file_count, len(data))
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(ArticleFieldsMixin, forms.Form):
    files = MultipleFileField(required=False, help_text="Plain text or HTML articles; several at once.")
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 10}), label="…or paste an article",
        strip=False,
    )
    title = forms.CharField(required=False, max_length=500)
    publisher = forms.CharField(required=False, max_length=255)
    url = ArticleURLField(required=False, label="URL")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip() and not self.has_error("files"):
            raise forms.ValidationError("Choose one or more files, or paste the text of an article.")
        return data
