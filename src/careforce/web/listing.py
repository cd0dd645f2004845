"""Long lists: one page at a time, sorted by a column the person picks, narrowed by filters.

A ``Listing`` reads what the person chose from the query string (``?workplace=12&sort=expires&order=desc
&page=3``), keeps only values it offers (anything else falls back to the default, so a changed link never
breaks the page), and builds the links of the page's sortable column headings, its filters and its
pagination so each keeps the others' choices. Works without JavaScript: every choice is a link or a
GET form. The view applies ``filters`` and ``order_by`` to its own (org-scoped) query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

PER_PAGE = 50


@dataclass(frozen=True)
class Filter:
    """One filter: its query-string name, its label and the options (value, text) a person can pick."""

    name: str
    label: str
    options: Sequence[tuple[str, str]]
    any_text: str = "Any"

    def choose(self, value: str | None) -> str:
        return value if value in {v for v, _ in self.options} else ""


@dataclass
class Listing:
    sorts: Mapping[str, Sequence[str]]  # sort key -> ORM order_by fields (ascending)
    default_sort: str
    chosen: dict[str, str] = field(default_factory=dict)
    filters_offered: Sequence[Filter] = ()
    sort: str = ""
    descending: bool = False
    per_page: int = PER_PAGE
    page_number: str = "1"

    @classmethod
    def from_query(
        cls,
        query: Mapping[str, Any],
        *,
        sorts: Mapping[str, Sequence[str]],
        default_sort: str,
        filters: Sequence[Filter] = (),
        descending_by_default: Sequence[str] = (),
        per_page: int = PER_PAGE,
    ) -> Listing:
        sort = query.get("sort") if query.get("sort") in sorts else default_sort
        order = query.get("order")
        descending = order == "desc" if order in ("asc", "desc") else sort in descending_by_default
        chosen = {f.name: f.choose(query.get(f.name)) for f in filters}
        return cls(
            sorts=sorts,
            default_sort=default_sort,
            chosen={k: v for k, v in chosen.items() if v},
            filters_offered=filters,
            sort=str(sort),
            descending=descending,
            per_page=per_page,
            page_number=str(query.get("page") or "1"),
        )

    def order_by(self) -> list[str]:
        fields = list(self.sorts[self.sort])
        if self.descending:
            fields = [f[1:] if f.startswith("-") else f"-{f}" for f in fields]
        return [*fields, "-pk" if self.descending else "pk"]

    def page(self, items: Any, count: int | None = None) -> Page:
        """A page of ``items``; ``count`` is how many there are in all, when the caller has counted them
        already (the paginator would count them again: a second slow query on a long list)."""
        paginator = Paginator(items, self.per_page)
        if count is not None:
            paginator.count = count  # Paginator.count is a cached property: this is the value it would find
        return paginator.get_page(self.page_number)

    def url(self, **changes: Any) -> str:
        """The query string of this list with some choices changed (page goes back to 1 unless given)."""
        params: dict[str, Any] = {**self.chosen}
        if self.sort != self.default_sort or self.descending:
            params.update(sort=self.sort, order="desc" if self.descending else "asc")
        params.update({k: v for k, v in changes.items() if k != "page"})
        if changes.get("page", 1) != 1:
            params["page"] = changes["page"]
        return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    def heading(self, key: str) -> dict[str, str]:
        """A sortable column heading: its link (the other order when it is the sort now) and aria-sort."""
        if key == self.sort:
            return {
                "href": self.url(sort=key, order="asc" if self.descending else "desc"),
                "aria_sort": "descending" if self.descending else "ascending",
            }
        return {"href": self.url(sort=key, order="asc"), "aria_sort": "none"}

    def pagination(self, page: Page) -> dict[str, Any] | None:
        """The parameters of ``govukPagination`` for this page, or None when there is only one page."""
        paginator = page.paginator
        if paginator.num_pages <= 1:
            return None
        items: list[dict[str, Any]] = []
        for n in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
            if n == paginator.ELLIPSIS:  # type: ignore[comparison-overlap]
                items.append({"ellipsis": True})
            else:
                items.append({"number": n, "href": self.url(page=n), "current": n == page.number})
        return {
            "previous": {"href": self.url(page=page.previous_page_number())} if page.has_previous() else None,
            "next": {"href": self.url(page=page.next_page_number())} if page.has_next() else None,
            "items": items,
        }

    def showing(self, page: Page, noun: str, plural: str | None = None) -> str:
        """'Showing 51 to 100 of 6,181 records' (or '1 record', 'No records')."""
        total = page.paginator.count
        many = plural or f"{noun}s"
        if total == 0:
            return f"No {many}"
        if page.paginator.num_pages == 1:
            return f"{total:,} {noun if total == 1 else many}"
        return f"Showing {page.start_index():,} to {page.end_index():,} of {total:,} {many}"
