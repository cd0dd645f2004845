"""Building a component's html from a trusted template and values a person typed."""

from careforce.web.jinja import html


def test_html_keeps_the_templates_tags_and_escapes_every_value():
    built = html('Delete<span class="govuk-visually-hidden"> {}</span>', "<b>Nights & weekends</b>")
    assert str(built) == 'Delete<span class="govuk-visually-hidden"> &lt;b&gt;Nights &amp; weekends&lt;/b&gt;</span>'


def test_html_does_not_escape_a_value_that_is_already_markup_twice():
    inner = html("<strong>{}</strong>", "A & B")
    assert str(html("<p>{}</p>", inner)) == "<p><strong>A &amp; B</strong></p>"
