from django import forms
from django.conf import settings


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.text,.md,.html,.htm,.jsonl"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    files = MultipleFileField(required=False, help_text="Plain text or HTML articles; several at once.")
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 10}), label="…or paste an article",
        strip=False,
    )
    title = forms.CharField(required=False, max_length=500)
    publisher = forms.CharField(required=False, max_length=255)
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="URL")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose one or more files, or paste the text of an article.")
        too_many = len(data.get("files") or []) > settings.DATA_UPLOAD_MAX_NUMBER_FILES
        if too_many:
            raise forms.ValidationError(f"At most {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files at once.")
        return data
