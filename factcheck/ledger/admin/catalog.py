"""Admin: sources, articles (readable view, import), actors, events, series, topics.

Writes go through the services: new actors/events/series/topics through services.catalog,
changes to sources, articles, events, series and topics through `catalog_update` (see
`_update_fields`), history restores through services.history.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

from ..models import Actor, ActorAlias, Article, Event, Series, Source, Topic
from ..reports.history_diff import history_diff_display
from ..services.articles import article_import
from ..services.catalog import (
    actor_aliases_add,
    actor_create,
    actor_update,
    catalog_update,
    event_create,
    series_create,
    topic_create,
)
from ..services.history import record_restore


def _update_fields(request, obj, form) -> None:
    """Save an existing record's changed fields through the service (history records the editor).

    The form has already applied its values to `obj`; the service compares against the stored
    row, so it gets a fresh copy."""
    changes = {
        name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data
    }
    if changes:
        stored = type(obj)._default_manager.get(pk=obj.pk)
        catalog_update(obj=stored, user=request.user, **changes)


class HistoryAdmin(SimpleHistoryAdmin):
    """History pages with field-by-field diffs; a version is restored through the services
    (as a new recorded change), never by simple-history's raw revert."""

    object_history_form_template = "admin/ledger/history_version.html"

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's own `select_related(*tracked_fks)` becomes a bare select_related()
        # on a model without foreign keys, which drops `history_user` and costs a query a row.
        tracked = [
            f.name for f in history_manager.model.tracked_fields if isinstance(f, models.ForeignKey)
        ]
        qs = history_manager.filter(**{pk_name: object_id})
        return qs.select_related("history_user", *tracked)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """simple-history's deltas, with many-to-many changes (a claim's subjects) read for the
        whole page in one query per field instead of two queries per version."""
        m2m = list(getattr(self.model.history.model, "_history_m2m_fields", []))
        if not m2m:
            return super().set_history_delta_changes(
                request, historical_records, foreign_keys_are_objs
            )
        records = list(historical_records)
        if not records:
            return None
        rows: dict[tuple[int, str], list[dict]] = {}
        for field in m2m:
            through = getattr(records[0], field.name).model
            target = get_m2m_reverse_field_name(field)
            found = through.objects.filter(
                history__in=[r.history_id for r in records]
            ).select_related(target)
            for row in found.order_by(f"{target}_id"):
                rows.setdefault((row.history_id, field.name), []).append(
                    {target: getattr(row, target)}
                )
        newer = None
        for older in records:  # newest first, as simple-history lists them
            if newer is not None:
                delta = newer.diff_against(
                    older,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                    excluded_fields=[f.name for f in m2m],
                )
                for field in m2m:
                    before = rows.get((older.history_id, field.name), [])
                    after = rows.get((newer.history_id, field.name), [])
                    if [list(d.values()) for d in before] != [list(d.values()) for d in after]:
                        delta.changes.append(ModelChange(field.name, before, after))
                        delta.changed_fields.append(field.name)
                helper = self.get_historical_record_context_helper(request, newer)
                newer.history_delta_changes = helper.context_for_delta_changes(delta)
            newer = older
        return None

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(obj.history.all(), history_id=version_id)
        latest = obj.history.order_by("-history_date", "-history_id").first()
        previous = record.prev_record
        change_url = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            try:
                if hasattr(obj, "version"):
                    from ..services.claims import ClaimConflict
                    from ..services.history import claim_restore

                    try:
                        claim_restore(
                            claim=obj,
                            history_id=record.history_id,
                            user=request.user,
                            expected_version=int(request.POST.get("version", obj.version)),
                        )
                    except ClaimConflict as err:
                        raise ValidationError(str(err)) from err
                else:
                    record_restore(obj=obj, history_id=record.history_id, user=request.user)
            except (ValidationError, PermissionDenied) as err:
                messages.error(request, "; ".join(getattr(err, "messages", [str(err)])))
                return redirect(request.path)
            messages.success(
                request, f"Restored the version of {record.history_date:%Y-%m-%d %H:%M}."
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Version of {record.history_date:%Y-%m-%d %H:%M:%S} — {obj}",
            "opts": self.model._meta,
            "object": obj,
            "record": record,
            "change_url": change_url,
            "history_url": reverse(
                f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk]
            ),
            "against_previous": history_diff_display(previous, record) if previous else None,
            "against_current": history_diff_display(record, latest) if latest else [],
            "is_current": latest is not None and latest.history_id == record.history_id,
            "can_restore": self.has_change_permission(request, obj),
            "version": getattr(obj, "version", None),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_form_template, context)


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["name", "domain", "article_count"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles

    def save_model(self, request, obj, form, change):
        if change:
            _update_fields(request, obj, form)
        else:
            from ..services.articles import source_get_or_create

            created = source_get_or_create(name=obj.name)
            obj._state.adding = False
            if obj.domain and created.domain != obj.domain:
                catalog_update(obj=created, user=request.user, domain=obj.domain)
            obj.pk = created.pk


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
        help_text="Seed-format text files (first line “ date YYYY-MM-DD ”); several at once.",
        required=False,
    )
    source = forms.CharField(
        label="Source outlet",
        required=False,
        help_text="Leave empty to take it from the copy (else “Unknown”).",
    )


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
    list_filter = ["is_current", "wire_agency", "source"]
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
    ]
    readonly_fields = [
        "published",
        "origin",
        "wire_agency",
        "revision",
        "is_current",
        "encoding",
        "import_warnings",
        "content_hash",
        "imported_at",
    ]
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
            uploads = form.cleaned_data["files"]
            if not uploads:
                form.add_error("files", "Choose at least one file.")
            for upload in uploads:
                result = article_import(
                    data=upload.read(),
                    origin=upload.name,
                    source_name=form.cleaned_data["source"],
                )
                results.append(result)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import articles",
            "opts": self.model._meta,
            "form": form,
            "results": results,
            "rejected": sum(r.status == "rejected" for r in results),
        }
        return TemplateResponse(request, "admin/ledger/article/import.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from .claims import marking_context

        article = get_object_or_404(Article.objects.select_related("source"), pk=object_id)
        extra = {**marking_context(request, article), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def render_change_form(self, request, context, *args, **kwargs):
        from .claims import MarkForm

        # The marking form's autocomplete widgets share the page's one copy of jQuery/select2.
        context["media"] = context["media"] + MarkForm().media
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        _update_fields(request, obj, form)


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name"]


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "kind", "affiliation", "role", "alias_list", "wikidata"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "role"]
    autocomplete_fields = ["affiliation"]
    inlines = [AliasInline]
    fields = ["name", "kind", "affiliation", "role", "wikidata_id", "description"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_related()

    @admin.display(description="aliases")
    def alias_list(self, obj):
        return ", ".join(a.name for a in obj.aliases.all())

    @admin.display(description="Wikidata", ordering="wikidata_id")
    def wikidata(self, obj):
        if not obj.wikidata_id:
            return ""
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.wikidata_url, obj.wikidata_id)

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in self.fields}
        if change:
            # `obj` already carries the form's values; the service compares with the saved row.
            saved = Actor.objects.get(pk=obj.pk)
            saved._history_user = request.user
            actor_update(actor=saved, **{k: v for k, v in fields.items() if k in form.changed_data})
        else:
            created = actor_create(
                **{k: v or "" for k, v in fields.items() if k != "affiliation"},
                affiliation=fields["affiliation"],
            )
            obj.pk, obj._state.adding = created.pk, False

    def save_formset(self, request, form, formset, change):
        # New aliases through the service (it refuses one used by another actor, by name);
        # renames and removals of existing aliases are plain edits of this actor's own rows.
        new = [
            f.cleaned_data["name"]
            for f in formset.extra_forms
            if f.has_changed() and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("name")
        ]
        for f in formset.initial_forms:
            if not f.has_changed():
                continue
            alias = f.instance
            alias._history_user = request.user
            if f.cleaned_data.get("DELETE"):
                alias.delete()
            else:
                alias.save(update_fields=["name"])
        if new:
            actor_aliases_add(actor=form.instance, aliases=new)


@admin.register(Series)
class SeriesAdmin(HistoryAdmin):
    list_display = ["name", "event_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_events=Count("events"))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj):
        return obj.n_events

    def save_model(self, request, obj, form, change):
        if change:
            _update_fields(request, obj, form)
        else:
            created = series_create(name=obj.name, description=obj.description)
            obj.pk, obj._state.adding = created.pk, False


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ["name", "kind", "start", "end", "precision", "series", "parent"]
    list_filter = ["kind", "precision", "series"]
    list_select_related = ["series", "parent"]
    search_fields = ["name", "place", "description"]
    autocomplete_fields = ["parent", "series", "participants"]
    date_hierarchy = "start"
    fields = [
        "name",
        "kind",
        "place",
        "start",
        "end",
        "precision",
        "parent",
        "series",
        "participants",
        "description",
    ]

    def save_model(self, request, obj, form, change):
        if change:
            _update_fields(request, obj, form)
        else:
            data = {k: form.cleaned_data[k] for k in self.fields}
            created = event_create(**data)
            obj.pk, obj._state.adding = created.pk, False

    def save_related(self, request, form, formsets, change):
        pass  # participants are saved by event_create / _update_fields


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["title", "claim_count", "position_count"]
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_claims=Count("claims", distinct=True),
                n_positions=Count("positions", distinct=True),
            )
        )

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims

    @admin.display(description="positions", ordering="n_positions")
    def position_count(self, obj):
        return obj.n_positions

    def save_model(self, request, obj, form, change):
        if change:
            _update_fields(request, obj, form)
        else:
            created = topic_create(title=obj.title, description=obj.description)
            obj.pk, obj._state.adding = created.pk, False


def set_aside_html(article: Article):
    """The promos, captions and sign-offs the importer set aside, as a list."""
    items = article.set_aside or []
    if not items:
        return ""
    return format_html(
        "<ul class='ledger-set-aside'>{}</ul>",
        format_html_join(
            "",
            "<li><strong>{}</strong> {}</li>",
            ((i.get("kind", ""), i.get("text", "")) for i in items),
        ),
    )
