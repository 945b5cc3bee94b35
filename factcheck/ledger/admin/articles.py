"""Admin: articles. The change page is the editor's workspace: the text with its claims marked
and the marking form (marking.py), the suggestions panel (suggestions.py) and what the importer
set aside. Articles come in through the import page, never the add form.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path

from ..choices import NO_OUTLET
from ..models import Article, Source
from .base import HistoryAdmin, update_changed_fields
from .copies import copies_display
from .jobs import import_submit
from .marking import MarkForm, marking_context
from .suggestions import suggestions_context


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is judged by the importer (which names an empty file as such)."""

    def clean(self, data, initial=None):
        if not data:
            return []
        return list(data) if isinstance(data, (list, tuple)) else [data]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        widget=MultipleFileInput(),
        help_text="Saved web pages, RSS/Atom feeds, IPTC ninjs JSON or seed-format text "
        "files (first line “ date YYYY-MM-DD ”); several at once.",
        required=False,
    )
    url = forms.URLField(
        label="Or a URL",
        required=False,
        assume_scheme="https",
        help_text="A published article's page, or an RSS/Atom feed (each entry is imported).",
    )
    source = forms.CharField(
        label="Source outlet",
        required=False,
        widget=forms.TextInput(attrs={"list": "known-outlets", "autocomplete": "off"}),
        help_text="Pick a known outlet or type a new name. Left empty, it is taken from what the "
        "copy says about itself; when the copy names none, the article is marked as needing an "
        "outlet, and none of its claims can be published until an editor chooses one.",
    )


class NeedsOutletFilter(admin.SimpleListFilter):
    title = "outlet"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [("missing", "Needs an outlet")]

    def queryset(self, request, queryset):
        return queryset.needing_outlet() if self.value() == "missing" else queryset


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = [
        "title",
        "source",
        "published",
        "wire_agency",
        "revision",
        "is_current",
        "claim_count",
    ]
    list_filter = [NeedsOutletFilter, "is_current", "wire_agency", "source"]
    list_select_related = ["source"]
    search_fields = ["title", "origin", "source__name"]
    date_hierarchy = "published"
    fields = [
        "title",
        "source",
        "published",
        "origin",
        "wire_agency",
        "revision",
        "is_current",
        "encoding",
        "import_warnings",
        "content_hash",
        "imported_at",
        "analysed_at",
        "copies",
    ]
    # Everything but the title and the outlet comes from the import.
    readonly_fields = [name for name in fields if name not in ("title", "source")]
    autocomplete_fields = ["source"]
    change_form_template = "admin/ledger/article/change_form.html"
    change_list_template = "admin/ledger/article/change_list.html"

    def get_queryset(self, request):
        # The source rides along: the change page's header names it.
        return (
            super()
            .get_queryset(request)
            .select_related("source")
            .annotate(n_claims=Count("claims"))
        )

    @admin.display(description="copies of this story")
    def copies(self, obj):
        return copies_display(obj)

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims

    def has_add_permission(self, request):
        return False  # articles come in through the importer (the "Import articles" page)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="ledger_article_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not request.user.has_perm("ledger.add_article"):
            raise PermissionDenied
        results = []
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            uploads, url = form.cleaned_data["files"], form.cleaned_data["url"]
            if not uploads and not url:
                form.add_error("files", "Choose at least one file, or give a URL.")
            else:
                submitted = import_submit(
                    request, uploads=uploads, url=url, source_name=form.cleaned_data["source"]
                )
                if not isinstance(submitted, list):
                    return submitted  # a job: its page follows it
                results = submitted
        context = {
            **self.admin_site.each_context(request),
            "title": "Import articles",
            "opts": self.model._meta,
            "form": form,
            "results": results,
            "rejected": sum(r.status == "rejected" for r in results),
            "known_outlets": Source.objects.exclude(name=NO_OUTLET).values_list("name", flat=True),
        }
        return TemplateResponse(request, "admin/ledger/article/import.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = get_object_or_404(Article.objects.select_related("source"), pk=object_id)
        extra = {
            **marking_context(request, article),
            "needs_outlet": article.source.name == NO_OUTLET,
            **suggestions_context(request, article),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def render_change_form(self, request, context, *args, **kwargs):
        # The marking form's autocomplete widgets share the page's one copy of jQuery/select2.
        context["media"] = context["media"] + MarkForm().media
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        update_changed_fields(request, obj, form)
