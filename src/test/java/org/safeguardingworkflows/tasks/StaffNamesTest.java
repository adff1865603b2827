package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A name a form's Markdown shows keeps what names are made of and nothing Markdown or HTML could act on. */
class StaffNamesTest {

  @Test
  void aNameKeepsItsLettersAccentsApostrophesHyphensAndFullStops() {
    assertThat(StaffNames.shown("Zoë O'Neill-Smith")).isEqualTo("Zoë O'Neill-Smith");
    assertThat(StaffNames.shown("J. R. Ashworth")).isEqualTo("J. R. Ashworth");
  }

  @Test
  void markdownAndHtmlInANameAreDropped() {
    assertThat(StaffNames.shown("[Ivy](https://example.org) *Roberts*")).isEqualTo("Ivyhttpsexample.org Roberts");
    assertThat(StaffNames.shown("<img src=x onerror=alert(1)> Ivy")).isEqualTo("img srcx onerroralert Ivy");
  }
}
