"""The claim's change form: the span (offsets or a quote) and the description, with a
service's refusal (a stale version above all) shown on it with the editor's input kept; and the
claim's measurements inline."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from ..models import Claim, Measurement
from ..services.claims import EDITABLE_FIELDS, ClaimConflict
from .base import conflict_message, error_messages

# What the claim form describes: every editable field but the span (the marking view sets it).
DESCRIPTION_FIELDS = [f for f in EDITABLE_FIELDS if f not in {"article", "start", "end", "quote"}]


class ClaimAdminForm(forms.ModelForm):
    quote = forms.CharField(
        label="quote",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The exact words of the claim. Without start/end, the span is found by this "
        "quote (it must occur once in the article).",
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    refusal: Exception | None = None

    class Meta:
        model = Claim
        fields = ["article", "start", "end", *DESCRIPTION_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].required = False
        if self.instance.pk:
            self.fields["quote"].initial = self.instance.exact
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.refusal is not None:
            if isinstance(self.refusal, ClaimConflict):
                raise ValidationError(conflict_message(self.refusal))
            if isinstance(self.refusal, ValidationError) and hasattr(self.refusal, "error_dict"):
                for field, errors in self.refusal.message_dict.items():
                    target = field if field in self.fields else None
                    for message in errors:
                        self.add_error(target, f"{field}: {message}" if target is None else message)
            else:
                raise ValidationError(error_messages(self.refusal))
        elif not self.instance.pk and data.get("start") is None and not data.get("quote"):
            raise ValidationError("Give start and end, or the quote.")
        return data

    def validate_unique(self):
        pass  # the services validate; the database has the last word


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 1
    fields = ["quantity", "value", "bound", "unit", "text"]
