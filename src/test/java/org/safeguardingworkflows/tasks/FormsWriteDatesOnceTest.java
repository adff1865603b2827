package org.safeguardingworkflows.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dates are written in words in one place ({@link DatesInWords}); the forms look them up. No form carries its own
 * month names, and every date it looks up says what it shows when there is no date.
 */
class FormsWriteDatesOnceTest {

  private static final Pattern MONTH_NAME = Pattern.compile(
      "January|February|March|April|May|June|July|August|September|October|November|December");
  private static final Pattern LOOK_UP = Pattern.compile("get value\\(" + DatesInWords.DATES_IN_WORDS.name() + ", ([\\w.]+)\\)");

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noFormCarriesItsOwnMonthNames(Path form) throws IOException {
    assertThat(MONTH_NAME.matcher(Files.readString(form)).find()).as(form.getFileName() + " names a month").isFalse();
  }

  /** The dates in words are the server's: no form may write them (the text components trust what they hold). */
  @ParameterizedTest
  @MethodSource("forms")
  void noFormHasAFieldForTheDatesInWords(Path form) throws IOException {
    assertThat(Files.readString(form)).as(form.getFileName().toString())
        .doesNotContainPattern("\"(key|path|valuesKey)\"\\s*:\\s*\"" + DatesInWords.DATES_IN_WORDS.name() + "\"");
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyDateLookedUpSaysWhatItShowsWithoutADate(Path form) throws IOException {
    String text = Files.readString(form);
    List<String> unguarded = new ArrayList<>();
    Matcher lookUp = LOOK_UP.matcher(text);
    while (lookUp.find()) {
      String date = Pattern.quote(lookUp.group(1));
      String before = text.substring(Math.max(0, lookUp.start() - 200), lookUp.start());
      if (!Pattern.compile("if " + date + " = null then (\\\\\"[^\\\\]*\\\\\"|\"[^\"]*\") else $").matcher(before).find()) {
        unguarded.add(lookUp.group(1));
      }
    }
    assertThat(unguarded).as(form.getFileName() + ": dates looked up without a word for no date").isEmpty();
  }
}
