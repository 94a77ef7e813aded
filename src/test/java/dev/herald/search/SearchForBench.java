package dev.herald.search;

import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.util.MultiValueMap;

/**
 * For the scale benchmark's baseline: the search a request makes, without HTTP and JSON — the
 * controller's parsing, then the repository's statements over JDBC.
 */
public final class SearchForBench {

  private SearchForBench() {}

  /** How many notifications the search of this query found (at most a page and one). */
  public static int search(
      ApplicationContext context, UUID service, MultiValueMap<String, String> query) {
    return context
        .getBean(SearchRepository.class)
        .search(SearchController.parse(service, query))
        .size();
  }
}
