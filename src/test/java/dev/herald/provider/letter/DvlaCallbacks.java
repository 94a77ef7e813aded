package dev.herald.provider.letter;

import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** DVLA's callback bodies, as its print API sends them, for tests to send and spoil. */
final class DvlaCallbacks {

  private DvlaCallbacks() {}

  /** A callback on {@code jobId}; a DESPATCHED one carries its despatch properties. */
  static ObjectNode payload(UUID jobId, String status, String transitionDate) {
    ObjectNode payload =
        (ObjectNode)
            JsonMapper.builder()
                .build()
                .readTree(
                    """
                    {
                      "specVersion": "1",
                      "type": "uk.gov.dvla.osl.osldatadictionaryschemas.print.messages.v2.PrintJobStatus",
                      "source": "dvla:resource:osl:print:print-hub-fulfilment:5.18.0",
                      "id": "cfce9e7b-1534-4c07-a66d-3cf9172f7640",
                      "time": "2031-03-12T17:45:12Z",
                      "dataContentType": "application/json",
                      "data": {
                        "jobId": "%s",
                        "jobType": "NOTIFY",
                        "jobStatus": "%s",
                        "templateReference": "NOTIFY",
                        "transitionDate": "%s",
                        "despatchProperties": [
                          {"key": "totalSheets", "value": "1"},
                          {"key": "postageClass", "value": "1ST"},
                          {"key": "mailingProduct", "value": "UNCODED"},
                          {"key": "productionRunDate", "value": "2031-03-12 17:45:12"}
                        ]
                      },
                      "metadata": {
                        "handler": {"urn": "dvla:resource:osl:print:print-hub-fulfilment:5.18.0"},
                        "origin": {"urn": "dvla:resource:osg:dev:printhub:1.0.1"},
                        "correlationId": "b5d9b2bd-6e8f-4275-bdd3-c8086fe09c52"
                      }
                    }
                    """
                        .formatted(jobId, status, transitionDate));
    if (status.equals("REJECTED")) {
      ((ObjectNode) payload.get("data")).remove("despatchProperties");
    }
    return payload;
  }
}
