"""Every table sits in a labelled region that scrolls sideways on its own (so the page does not, on a phone)."""

from careforce.web.tables import table_regions

REGION = '<div class="cf-scroll-region" role="region" aria-label="{}" tabindex="0">'


def test_a_table_is_wrapped_in_a_focusable_region_named_by_its_caption():
    page = '<h1>Staff</h1><table class="govuk-table"><caption class="x">Staff at <b>Oak &amp; Ash</b></caption></table><p>after</p>'
    assert str(table_regions(page)) == (
        "<h1>Staff</h1>"
        + REGION.format("Staff at Oak &amp; Ash")
        + '<table class="govuk-table"><caption class="x">Staff at <b>Oak &amp; Ash</b></caption></table></div><p>after</p>'
    )


def test_a_table_without_a_caption_is_named_by_the_heading_above_it():
    page = "<h2>Training</h2><p>x</p><h3>Due soon</h3><table><tr><td>1</td></tr></table>"
    assert REGION.format("Due soon") + "<table>" in str(table_regions(page))


def test_each_of_several_tables_gets_its_own_region_and_a_page_without_tables_is_unchanged():
    page = "<table><caption>A</caption></table><table><caption>B</caption></table>"
    wrapped = str(table_regions(page))
    assert wrapped.count('role="region"') == 2
    assert REGION.format("B") + "<table><caption>B" in wrapped
    assert str(table_regions("<p>No tables</p>")) == "<p>No tables</p>"
