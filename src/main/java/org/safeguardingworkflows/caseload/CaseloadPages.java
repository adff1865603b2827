package org.safeguardingworkflows.caseload;

import static org.safeguardingworkflows.pages.StaffPage.date;
import static org.safeguardingworkflows.pages.StaffPage.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.safeguardingworkflows.branding.Branding;
import org.safeguardingworkflows.children.ChildStory;
import org.safeguardingworkflows.children.ChildView;
import org.safeguardingworkflows.pages.RecordedAnswers;
import org.safeguardingworkflows.pages.StaffPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A manager's caseload ({@code /pages/caseload}: the children in a watch period, the next supervision and review,
 * late work) and a child's timeline from the child record ({@code /pages/children/{childRef}/timeline}), as pages
 * linked from Tasklist's header (see the webapps' {@code safeguarding-shell.js}). The webapps' login
 * ({@code pages/PagesLogin}); a child the caller may not see is not listed, and its timeline answers 404 as the API does.
 */
@RestController
public class CaseloadPages {

  private final Caseload caseload;
  private final ChildStory story;
  private final Branding branding;

  public CaseloadPages(Caseload caseload, ChildStory story, Branding branding) {
    this.caseload = caseload;
    this.story = story;
    this.branding = branding;
  }

  @GetMapping("/pages/caseload")
  ResponseEntity<String> caseload() {
    List<Caseload.ChildInWatchPeriod> children = caseload.childrenInAWatchPeriod();
    StringBuilder main = new StringBuilder("<h1>Children in a watch period</h1>");
    main.append("<p>Children stepped down from a child protection plan whose watch period is running, with the next "
        + "management supervision and CIN review, and any of their work past its due date.</p>");
    if (children.isEmpty()) {
      main.append("<p data-caseload=\"empty\">No child you work with is in a watch period.</p>");
    } else {
      main.append("<table data-caseload=\"children\"><caption>")
          .append(children.size()).append(children.size() == 1 ? " child" : " children").append("</caption><thead><tr>")
          .append("<th scope=\"col\">Child</th><th scope=\"col\">Social worker</th><th scope=\"col\">Watch period started</th>")
          .append("<th scope=\"col\">Its time runs out</th><th scope=\"col\">Next supervision</th><th scope=\"col\">Next CIN review</th>")
          .append("<th scope=\"col\">Late work</th></tr></thead><tbody>");
      for (Caseload.ChildInWatchPeriod child : children) {
        main.append("<tr data-child=\"").append(text(child.childRef())).append("\"><th scope=\"row\"><a href=\"/pages/children/")
            .append(path(child.childRef())).append("/timeline\">").append(text(child.childRef())).append("</a></th><td>")
            .append(text(child.allocatedWorker())).append("</td><td>").append(date(child.watchPeriodStarted())).append("</td><td>")
            .append(date(child.watchPeriodTimeRunsOut())).append("</td><td data-next=\"supervision\">")
            .append(date(child.nextSupervision())).append("</td><td data-next=\"review\">").append(date(child.nextReview()))
            .append("</td><td data-late=\"").append(child.lateWork().size()).append("\">");
        if (child.lateWork().isEmpty()) {
          main.append("None");
        } else {
          main.append("<ul>");
          child.lateWork().forEach(work -> main.append("<li class=\"late\">").append(text(work.task())).append(", due ")
              .append(date(work.due())).append(work.assignee() == null ? ", not assigned" : ", " + text(work.assignee()))
              .append("</li>"));
          main.append("</ul>");
        }
        main.append("</td></tr>");
      }
      main.append("</tbody></table>");
    }
    return html("Children in a watch period", main.toString());
  }

  @GetMapping("/pages/children/{childRef}/timeline")
  ResponseEntity<String> timeline(@PathVariable String childRef) {
    ChildView child = story.of(childRef);
    StringBuilder main = new StringBuilder("<h1>Timeline of ").append(text(child.childRef())).append("</h1>");
    main.append("<dl class=\"details\"><dt>Team</dt><dd>").append(text(orNotRecorded(child.team())))
        .append("</dd><dt>Social worker</dt><dd>").append(text(orNotRecorded(child.allocatedWorker())))
        .append("</dd><dt>Team manager</dt><dd>").append(text(orNotRecorded(child.teamManager())))
        .append("</dd><dt>IRO</dt><dd>").append(text(orNotRecorded(child.iro()))).append("</dd></dl>");
    String ref = path(child.childRef());
    main.append("<p class=\"no-print\"><a href=\"/pages/children/").append(ref).append("/contingency-plan\">Contingency plan for the family (printable)</a> ")
        .append("<a href=\"/pages/children/").append(ref).append("/history-pack\">History pack for the conference (printable)</a></p>");
    main.append("<h2>What happened, newest first</h2>");
    if (child.chronology().isEmpty()) {
      main.append("<p>Nothing is recorded yet.</p>");
    } else {
      main.append("<ol class=\"timeline\" data-timeline=\"").append(child.chronology().size()).append("\">");
      for (ChildView.Entry entry : child.chronology()) {
        main.append("<li data-kind=\"").append(text(entry.kind())).append("\"><h3>").append(date(entry.date())).append(": ")
            .append(text(RecordedAnswers.words(entry.kind()))).append("</h3>");
        if (entry.who() != null) {
          main.append("<p class=\"note\">Recorded by ").append(text(entry.who())).append("</p>");
        }
        main.append(RecordedAnswers.details(entry.details()));
        main.append("</li>");
      }
      main.append("</ol>");
    }
    return html("Timeline of " + child.childRef(), main.toString());
  }

  private ResponseEntity<String> html(String title, String main) {
    return ResponseEntity.ok().header("Content-Type", StaffPage.HTML).body(StaffPage.page(branding, title, main));
  }

  static String orNotRecorded(String value) {
    return value == null ? "not recorded" : value;
  }

  static String path(String childRef) {
    return URLEncoder.encode(childRef, StandardCharsets.UTF_8);
  }

}
