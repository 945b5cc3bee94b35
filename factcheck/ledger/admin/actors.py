"""Admin: actors and their aliases, written through services.catalog."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html

from ..models import Actor, ActorAlias
from ..services.catalog import actor_aliases_add, actor_create, actor_update
from .base import HistoryAdmin


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
