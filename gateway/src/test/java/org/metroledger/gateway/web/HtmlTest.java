package org.metroledger.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void text_and_attribute_values_are_escaped() {
        String html = new Html()
                .element("p", "<script>alert('x')</script> & \"q\"", "title", "\"><img src=x onerror=alert(1)>")
                .render();

        assertThat(html)
                .isEqualTo("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
                        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    }

    @Test
    void control_characters_never_reach_the_page() {
        assertThat(Html.escape("a\u0000b\u001bc")).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void event_handler_and_style_attributes_cannot_be_written() {
        assertThatThrownBy(() -> new Html().element("p", "x", "onclick", "f()")).hasMessageContaining("onclick");
        assertThatThrownBy(() -> new Html().element("p", "x", "style", "color:red"))
                .hasMessageContaining("style");
    }

    @Test
    void unclosed_elements_are_a_programming_error() {
        Html html = new Html().open("div");

        assertThatThrownBy(html::render).hasMessageContaining("div");
    }

    @Test
    void null_attribute_values_leave_the_attribute_out() {
        assertThat(new Html().element("option", "A", "selected", null).render()).isEqualTo("<option>A</option>");
    }
}
