package org.safeguardingworkflows.testsupport;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP calls to the running application, as a case management system or a browser makes them. */
public final class Api {

  /** What came back: status, headers and body (JSON parsed when it is JSON). */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }
  }

  private final RestClient client;

  private Api(RestClient client) {
    this.client = client;
  }

  public static Api as(int port, String user, String password) {
    return new Api(RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultHeaders(headers -> headers.setBasicAuth(user, password)).build());
  }

  public static Api as(int port, String user) {
    return as(port, user, TestStaff.PASSWORD);
  }

  public static Api anonymous(int port) {
    return new Api(RestClient.builder().baseUrl("http://localhost:" + port).build());
  }

  public Reply get(String uri) {
    return get(uri, MediaType.APPLICATION_JSON_VALUE);
  }

  public Reply get(String uri, String accept) {
    return client.get().uri(uri).header(HttpHeaders.ACCEPT, accept).exchange((request, response) ->
        new Reply(response.getStatusCode().value(), response.getHeaders(), new String(response.getBody().readAllBytes())));
  }

  public Reply post(String uri, Object json) {
    return post(uri, MediaType.APPLICATION_JSON, json instanceof String text ? text : toJson(json));
  }

  public Reply post(String uri, MediaType contentType, String body) {
    return client.post().uri(uri).contentType(contentType).body(body).exchange((request, response) ->
        new Reply(response.getStatusCode().value(), response.getHeaders(), new String(response.getBody().readAllBytes())));
  }

  public Reply put(String uri, String json) {
    return client.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange((request, response) ->
        new Reply(response.getStatusCode().value(), response.getHeaders(), new String(response.getBody().readAllBytes())));
  }

  public Reply delete(String uri) {
    return client.delete().uri(uri).exchange((request, response) ->
        new Reply(response.getStatusCode().value(), response.getHeaders(), new String(response.getBody().readAllBytes())));
  }

  private static String toJson(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
