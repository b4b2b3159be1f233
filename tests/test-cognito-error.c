/* test-cognito-error.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-error.h"
#include "kw-core-enums.h"
#include "kw-test-utils.h"

#include <libsoup/soup.h>
#include <string.h>

#define REQUEST_ID "8f6b3a52-4f1c-4d0e-9a1b-2c3d4e5f6a7b"

/* The last service code; everything after it is a transport or local code,
 * which has no wire name. */
#define LAST_SERVICE_CODE KW_COGNITO_ERROR_THROTTLING

static GError *
error_from_body (guint       status,
                 const char *header,
                 const char *body)
{
  return kw_cognito_error_from_response (status, header, NULL, REQUEST_ID,
                                         body, body != NULL ? strlen (body) : 0);
}

typedef struct
{
  const char *raw;
  const char *expected;
} SanitizeCase;

/* The first cases are the forms of the Smithy awsJson1_1 protocol tests
 * (AwsJson11FooError*): a bare name, a name with the coral URL after a
 * colon, a namespaced name, and both. */
static const SanitizeCase sanitize_cases[] = {
  { "FooError", "FooError" },
  { "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError" },
  { "aws.protocoltests.restjson#FooError", "FooError" },
  { "aws.protocoltests.restjson#FooError:"
    "http://internal.amazon.com/coral/com.amazon.coral.validate/",
    "FooError" },
  { "com.amazonaws.cognitoidentityprovider#CodeMismatchException", "CodeMismatchException" },
  /* The colon is cut first, so a '#' in the URL must not pick the name. */
  { "UserNotFoundException:http://example.com/errors#fragment", "UserNotFoundException" },
  /* Nothing is left: there is no name to show. */
  { "", NULL },
  { ":http://internal.amazon.com/", NULL },
  { "aws.example#", NULL },
  { "aws.example#:http://internal.amazon.com/", NULL },
};

static void
test_sanitize_name (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sanitize_cases); i++)
    {
      g_autofree char *name = kw_cognito_error_sanitize_name (sanitize_cases[i].raw);

      g_test_message ("raw: \"%s\"", sanitize_cases[i].raw);
      g_assert_cmpstr (name, ==, sanitize_cases[i].expected);
    }

  g_assert_null (kw_cognito_error_sanitize_name (NULL));
}

/* Every service code has one canonical wire name that maps back to it, and
 * no two codes share a name; transport and local codes have none, because
 * the service never sends them. */
static void
test_code_names (void)
{
  GEnumClass *enum_class = g_type_class_ref (KW_TYPE_COGNITO_ERROR);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      KwCognitoError code = enum_class->values[i].value;
      const char *name = kw_cognito_error_code_to_name (code);
      KwCognitoError back = KW_COGNITO_ERROR_NO_CREDENTIALS;

      g_test_message ("%s", enum_class->values[i].value_nick);

      if (code > LAST_SERVICE_CODE)
        {
          g_assert_null (name);
          continue;
        }

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (seen, name));
      g_hash_table_add (seen, (gpointer) name);
      g_assert_true (kw_cognito_error_code_from_name (name, &back));
      g_assert_cmpint (back, ==, code);
    }

  g_type_class_unref (enum_class);
}

/* A few canonical names, spelled out, so that a typo in the table (which the
 * round trip above cannot see) still fails. */
static void
test_code_names_spelling (void)
{
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_CODE_MISMATCH), ==,
                   "CodeMismatchException");
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_USER_NOT_FOUND), ==,
                   "UserNotFoundException");
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_INVALID_SIGNATURE), ==,
                   "InvalidSignatureException");
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT), ==,
                   "UnrecognizedClientException");
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_EXPIRED_TOKEN), ==,
                   "ExpiredTokenException");
  g_assert_cmpstr (kw_cognito_error_code_to_name (KW_COGNITO_ERROR_THROTTLING), ==,
                   "ThrottlingException");
}

typedef struct
{
  const char     *name;
  KwCognitoError  code;
} AliasCase;

/* IAM and the signing layer answer in the query protocol's spelling; each
 * must still land on the error a person can act on. */
static const AliasCase alias_cases[] = {
  { "InvalidClientTokenId", KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT },
  { "SignatureDoesNotMatch", KW_COGNITO_ERROR_INVALID_SIGNATURE },
  { "IncompleteSignature", KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE },
  { "MissingAuthenticationToken", KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN },
  { "ExpiredToken", KW_COGNITO_ERROR_EXPIRED_TOKEN },
  { "RequestExpired", KW_COGNITO_ERROR_EXPIRED_TOKEN },
  { "AccessDenied", KW_COGNITO_ERROR_ACCESS_DENIED },
  { "AccessDeniedException", KW_COGNITO_ERROR_ACCESS_DENIED },
  { "Throttling", KW_COGNITO_ERROR_THROTTLING },
};

static void
test_alias_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (alias_cases); i++)
    {
      g_autoptr(GError) error = error_from_body (400, alias_cases[i].name, NULL);

      g_test_message ("%s", alias_cases[i].name);
      g_assert_error (error, KW_COGNITO_ERROR, (int) alias_cases[i].code);
      g_assert_cmpstr (kw_cognito_error_get_name (error), ==, alias_cases[i].name);
    }
}

/* Names are case-sensitive on the wire; an unknown spelling is not guessed at. */
static void
test_code_from_name_unknown (void)
{
  KwCognitoError code = KW_COGNITO_ERROR_CODE_MISMATCH;

  g_assert_false (kw_cognito_error_code_from_name ("codemismatchexception", &code));
  g_assert_false (kw_cognito_error_code_from_name ("CodeMismatch", &code));
  g_assert_false (kw_cognito_error_code_from_name ("", &code));
  g_assert_false (kw_cognito_error_code_from_name (NULL, &code));
  g_assert_cmpint (code, ==, KW_COGNITO_ERROR_CODE_MISMATCH);
}

/* Every known error answered in every place the name can travel. */
static void
test_response_every_known_name (void)
{
  for (KwCognitoError code = 0; code <= LAST_SERVICE_CODE; code++)
    {
      const char *name = kw_cognito_error_code_to_name (code);
      g_autofree char *namespaced = g_strdup_printf ("com.amazonaws.cognitoidentityprovider#%s",
                                                     name);
      g_autofree char *type_body = g_strdup_printf ("{\"__type\":\"%s\",\"message\":\"m\"}",
                                                    namespaced);
      g_autofree char *code_body = g_strdup_printf ("{\"code\":\"%s\",\"message\":\"m\"}", name);
      g_autofree char *header = g_strdup_printf ("%s:http://internal.amazon.com/coral/", name);
      g_autoptr(GError) from_header = error_from_body (400, header, NULL);
      g_autoptr(GError) from_type = error_from_body (400, NULL, type_body);
      g_autoptr(GError) from_code = error_from_body (400, NULL, code_body);

      g_test_message ("%s", name);
      g_assert_error (from_header, KW_COGNITO_ERROR, (int) code);
      g_assert_error (from_type, KW_COGNITO_ERROR, (int) code);
      g_assert_error (from_code, KW_COGNITO_ERROR, (int) code);
      g_assert_cmpstr (kw_cognito_error_get_name (from_header), ==, name);
      g_assert_cmpstr (kw_cognito_error_get_name (from_type), ==, name);
      g_assert_cmpstr (kw_cognito_error_get_name (from_code), ==, name);
    }
}

/* Where the name comes from, in order: the header, then __type, then code. */
static void
test_response_name_precedence (void)
{
  g_autoptr(GError) header_wins = NULL;
  g_autoptr(GError) type_wins = NULL;
  g_autoptr(GError) empty_header = NULL;
  g_autoptr(GError) non_string_type = NULL;

  header_wins = error_from_body (400, "UserNotFoundException",
                                 "{\"__type\":\"CodeMismatchException\","
                                 "\"code\":\"ExpiredCodeException\"}");
  g_assert_error (header_wins, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);

  type_wins = error_from_body (400, NULL,
                               "{\"code\":\"ExpiredCodeException\","
                               "\"__type\":\"CodeMismatchException\"}");
  g_assert_error (type_wins, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);

  /* An empty header is no name at all, not an unknown one. */
  empty_header = error_from_body (400, "", "{\"__type\":\"LimitExceededException\"}");
  g_assert_error (empty_header, KW_COGNITO_ERROR, KW_COGNITO_ERROR_LIMIT_EXCEEDED);

  non_string_type = error_from_body (400, NULL,
                                     "{\"__type\":42,\"code\":\"ExpiredCodeException\"}");
  g_assert_error (non_string_type, KW_COGNITO_ERROR, KW_COGNITO_ERROR_EXPIRED_CODE);
}

/* The message comes from the body's "message", then "Message", then the
 * x-amzn-ErrorMessage header. */
static void
test_response_message_precedence (void)
{
  g_autoptr(GError) lower = NULL;
  g_autoptr(GError) upper = NULL;
  g_autoptr(GError) header = NULL;
  g_autoptr(GError) non_string = NULL;
  g_autoptr(GError) no_body = NULL;
  const char *both = "{\"__type\":\"CodeMismatchException\",\"Message\":\"upper\","
                     "\"message\":\"lower\"}";
  const char *only_upper = "{\"__type\":\"CodeMismatchException\",\"Message\":\"upper\"}";
  const char *neither = "{\"__type\":\"CodeMismatchException\"}";
  const char *numeric = "{\"__type\":\"CodeMismatchException\",\"message\":5}";

  lower = kw_cognito_error_from_response (400, NULL, "from header", REQUEST_ID,
                                          both, strlen (both));
  g_assert_cmpstr (lower->message, ==, "lower");

  upper = kw_cognito_error_from_response (400, NULL, "from header", REQUEST_ID,
                                          only_upper, strlen (only_upper));
  g_assert_cmpstr (upper->message, ==, "upper");

  header = kw_cognito_error_from_response (400, NULL, "from header", REQUEST_ID,
                                           neither, strlen (neither));
  g_assert_cmpstr (header->message, ==, "from header");

  non_string = kw_cognito_error_from_response (400, NULL, "from header", REQUEST_ID,
                                               numeric, strlen (numeric));
  g_assert_cmpstr (non_string->message, ==, "from header");

  /* A name and message in headers alone, with a body that is not JSON. */
  no_body = kw_cognito_error_from_response (400, "NotAuthorizedException",
                                            "Incorrect username or password.",
                                            REQUEST_ID, "not json", strlen ("not json"));
  g_assert_error (no_body, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_assert_cmpstr (no_body->message, ==, "Incorrect username or password.");
}

/* A typical Cognito answer keeps everything helpdesk staff quote to AWS
 * support: the name, the status and the request id. */
static void
test_response_known (void)
{
  g_autoptr(GError) error = NULL;

  error = error_from_body (400, NULL,
                           "{\"__type\":\"CodeMismatchException\","
                           "\"message\":\"Invalid verification code provided, "
                           "please try again.\"}");

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_assert_cmpstr (error->message, ==, "Invalid verification code provided, please try again.");
  g_assert_cmpstr (kw_cognito_error_get_name (error), ==, "CodeMismatchException");
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
  g_assert_null (kw_cognito_error_get_field (error));
}

/* The status never picks the error when a name is present: Cognito sends
 * almost everything with 400, and a known name with 500 is still that error. */
static void
test_response_name_beats_status (void)
{
  g_autoptr(GError) internal = error_from_body (500, "InternalErrorException", NULL);
  g_autoptr(GError) not_found = error_from_body (500, "UserNotFoundException", NULL);
  g_autoptr(GError) forbidden = error_from_body (403, NULL, "{\"__type\":\"ForbiddenException\"}");

  g_assert_error (internal, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INTERNAL_ERROR);
  g_assert_error (not_found, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
  g_assert_error (forbidden, KW_COGNITO_ERROR, KW_COGNITO_ERROR_FORBIDDEN);
  g_assert_cmpuint (kw_cognito_error_get_http_status (not_found), ==, 500);
}

/* A name Keyway does not know yet is kept, so staff can still look it up. */
static void
test_response_unknown_name (void)
{
  g_autoptr(GError) with_message = NULL;
  g_autoptr(GError) without_message = NULL;

  with_message = error_from_body (400, NULL,
                                  "{\"__type\":\"com.amazonaws.cognitoidentityprovider#"
                                  "BrandNewException\","
                                  "\"message\":\"Something new happened\"}");
  g_assert_error (with_message, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNKNOWN_ERROR);
  g_assert_cmpstr (kw_cognito_error_get_name (with_message), ==, "BrandNewException");
  g_assert_cmpstr (with_message->message, ==, "Something new happened");
  g_assert_cmpuint (kw_cognito_error_get_http_status (with_message), ==, 400);
  g_assert_cmpstr (kw_cognito_error_get_request_id (with_message), ==, REQUEST_ID);

  without_message = error_from_body (400, "BrandNewException", NULL);
  g_assert_error (without_message, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNKNOWN_ERROR);
  g_assert_cmpstr (kw_cognito_error_get_name (without_message), ==, "BrandNewException");
  /* The AWS CLI's word for a missing message; the name stays with the error. */
  g_assert_cmpstr (without_message->message, ==, "Unknown");
}

/* A lying peer must not reach the terminal with escape sequences or
 * invalid UTF-8, nor flood it. */
static void
test_response_hostile_text (void)
{
  g_autoptr(GString) long_message = g_string_new ("{\"__type\":\"CodeMismatchException\","
                                                  "\"message\":\"");
  g_autoptr(GError) escapes = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) flood = NULL;

  escapes = error_from_body (400, "Evil\x1b[2JException",
                             "{\"message\":\"Wrong\\u001b]0;owned\\u0007 code\\nagain\"}");
  g_assert_error (escapes, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNKNOWN_ERROR);
  g_assert_null (strchr (kw_cognito_error_get_name (escapes), '\x1b'));
  g_assert_null (strchr (escapes->message, '\x1b'));
  g_assert_null (strchr (escapes->message, '\a'));
  g_assert_null (strchr (escapes->message, '\n'));
  g_assert_nonnull (strstr (escapes->message, "Wrong"));

  invalid = kw_cognito_error_from_response (400, "CodeMismatchException", "bad \xff\xfe bytes",
                                            NULL, NULL, 0);
  g_assert_error (invalid, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_assert_true (g_utf8_validate (invalid->message, -1, NULL));

  for (guint i = 0; i < 5000; i++)
    g_string_append (long_message, "spam ");
  g_string_append (long_message, "\"}");
  flood = error_from_body (400, NULL, long_message->str);
  g_assert_error (flood, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_assert_cmpuint (g_utf8_strlen (flood->message, -1), <=, 1024);
}

typedef struct
{
  guint           status;
  const char     *body;
  KwCognitoError  code;
  const char     *message;
} NamelessCase;

/* No error name: a proxy, load balancer or gateway answered. */
static const NamelessCase nameless_cases[] = {
  { 500, NULL, KW_COGNITO_ERROR_SERVER_ERROR, "HTTP 500 Internal Server Error" },
  { 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", KW_COGNITO_ERROR_SERVER_ERROR,
    "HTTP 502 Bad Gateway" },
  { 503, "<html>Service Unavailable</html>", KW_COGNITO_ERROR_SERVER_ERROR,
    "HTTP 503 Service Unavailable" },
  { 504, "{}", KW_COGNITO_ERROR_SERVER_ERROR, "HTTP 504 Gateway Timeout" },
  { 400, "{\"message\":\"no name\"}", KW_COGNITO_ERROR_INVALID_RESPONSE, "HTTP 400 Bad Request" },
  { 403, "<html>Request blocked by the firewall</html>", KW_COGNITO_ERROR_INVALID_RESPONSE,
    "HTTP 403 Forbidden" },
  { 404, NULL, KW_COGNITO_ERROR_INVALID_RESPONSE, "HTTP 404 Not Found" },
  { 401, NULL, KW_COGNITO_ERROR_INVALID_RESPONSE, "HTTP 401 Unauthorized" },
  { 302, "[]", KW_COGNITO_ERROR_INVALID_RESPONSE, "HTTP 302 Found" },
  /* A gateway's rate limit is throttling, so it is retried. */
  { 429, "<html>Too Many Requests</html>", KW_COGNITO_ERROR_THROTTLING, "HTTP 429" },
  /* A status libsoup has no phrase for gets none, not "Unknown Error". */
  { 499, NULL, KW_COGNITO_ERROR_INVALID_RESPONSE, "HTTP 499" },
};

static void
test_response_nameless (gconstpointer data)
{
  const NamelessCase *nameless = data;
  g_autoptr(GError) error = error_from_body (nameless->status, NULL, nameless->body);

  g_assert_error (error, KW_COGNITO_ERROR, (int) nameless->code);
  g_assert_cmpstr (error->message, ==, nameless->message);
  g_assert_null (kw_cognito_error_get_name (error));
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, nameless->status);
  g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
}

/* Any 2xx is success, whatever the body says. */
static void
test_response_success (void)
{
  static const guint statuses[] = { 200, 201, 204, 299 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = error_from_body (statuses[i], "CodeMismatchException",
                                                 "{\"__type\":\"CodeMismatchException\"}");

      g_assert_no_error (error);
    }
}

/* Bodies arrive as GBytes with no terminating NUL: only body_length bytes
 * may be read. */
static void
test_response_body_length (void)
{
  const char *json = "{\"__type\":\"ExpiredCodeException\"}";
  g_autofree char *buffer = g_strconcat (json, ", then bytes that are not JSON", NULL);
  g_autoptr(GError) error = NULL;

  error = kw_cognito_error_from_response (400, NULL, NULL, NULL, buffer, strlen (json));

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_EXPIRED_CODE);
  g_assert_null (kw_cognito_error_get_request_id (error));
}

/* A body of only white space (a proxy's "\r\n") is no body: it must give
 * the status-only error, and never trip a json-glib critical, which aborts
 * the app when warnings are fatal. Run in a subprocess so a critical fails
 * this test alone. */
static void
test_response_blank_body (void)
{
  if (g_test_subprocess ())
    {
      static const char * const bodies[] = { " ", "\r\n", "\n\t \n" };

      for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
        {
          g_autoptr(GError) client = error_from_body (400, NULL, bodies[i]);
          g_autoptr(GError) server = error_from_body (503, NULL, bodies[i]);
          g_autoptr(GError) named =
            kw_cognito_error_from_response (400, "CodeMismatchException", "Wrong code",
                                            REQUEST_ID, bodies[i], strlen (bodies[i]));

          g_assert_error (client, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
          g_assert_error (server, KW_COGNITO_ERROR, KW_COGNITO_ERROR_SERVER_ERROR);
          g_assert_error (named, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
          g_assert_cmpstr (named->message, ==, "Wrong code");
        }
      return;
    }

  /* A failure is reported without aborting, so the other cases still run. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("a body of white space is not handled as no body (see the child's stderr)");
}

/* The extended data travels with copies, which is how errors reach the UI
 * through GTask. */
static void
test_error_copy (void)
{
  g_autoptr(GError) original = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) field = NULL;
  g_autoptr(GError) field_copy = NULL;

  original = error_from_body (400, NULL,
                              "{\"__type\":\"TooManyRequestsException\","
                              "\"message\":\"slow down\"}");
  copy = g_error_copy (original);

  g_assert_error (copy, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS);
  g_assert_cmpstr (copy->message, ==, "slow down");
  g_assert_cmpstr (kw_cognito_error_get_name (copy), ==, "TooManyRequestsException");
  g_assert_cmpuint (kw_cognito_error_get_http_status (copy), ==, 400);
  g_assert_cmpstr (kw_cognito_error_get_request_id (copy), ==, REQUEST_ID);

  field = kw_cognito_error_new_invalid_field ("UserContextData.IpAddress", "it has the wrong type");
  field_copy = g_error_copy (field);
  g_assert_error (field_copy, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (field_copy), ==, "UserContextData.IpAddress");
  g_assert_nonnull (strstr (field_copy->message, "UserContextData.IpAddress"));
  g_assert_cmpuint (kw_cognito_error_get_http_status (field_copy), ==, 0);
  g_assert_null (kw_cognito_error_get_name (field_copy));
}

/* The getters answer for other domains too, without reading their memory. */
static void
test_foreign_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "nope");

  g_assert_null (kw_cognito_error_get_name (error));
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 0);
  g_assert_null (kw_cognito_error_get_request_id (error));
  g_assert_null (kw_cognito_error_get_field (error));
}

typedef struct
{
  const char      *name;
  GQuark         (*domain) (void);
  int              code;
  KwCognitoError   expected;
} TransportCase;

static const TransportCase transport_cases[] = {
  { "resolver-not-found", g_resolver_error_quark, G_RESOLVER_ERROR_NOT_FOUND,
    KW_COGNITO_ERROR_DNS_FAILURE },
  { "resolver-temporary", g_resolver_error_quark, G_RESOLVER_ERROR_TEMPORARY_FAILURE,
    KW_COGNITO_ERROR_DNS_FAILURE },
  { "host-not-found", g_io_error_quark, G_IO_ERROR_HOST_NOT_FOUND, KW_COGNITO_ERROR_DNS_FAILURE },
  { "tls-bad-certificate", g_tls_error_quark, G_TLS_ERROR_BAD_CERTIFICATE,
    KW_COGNITO_ERROR_TLS_FAILURE },
  { "tls-handshake", g_tls_error_quark, G_TLS_ERROR_HANDSHAKE, KW_COGNITO_ERROR_TLS_FAILURE },
  { "connection-refused", g_io_error_quark, G_IO_ERROR_CONNECTION_REFUSED,
    KW_COGNITO_ERROR_CONNECTION_REFUSED },
  /* GIO reports ECONNRESET and EPIPE as CONNECTION_CLOSED (= BROKEN_PIPE). */
  { "connection-closed", g_io_error_quark, G_IO_ERROR_CONNECTION_CLOSED,
    KW_COGNITO_ERROR_CONNECTION_RESET },
  { "partial-input", g_io_error_quark, G_IO_ERROR_PARTIAL_INPUT,
    KW_COGNITO_ERROR_CONNECTION_RESET },
  { "timed-out", g_io_error_quark, G_IO_ERROR_TIMED_OUT, KW_COGNITO_ERROR_TIMEOUT },
  { "network-unreachable", g_io_error_quark, G_IO_ERROR_NETWORK_UNREACHABLE,
    KW_COGNITO_ERROR_NETWORK_UNREACHABLE },
  { "host-unreachable", g_io_error_quark, G_IO_ERROR_HOST_UNREACHABLE,
    KW_COGNITO_ERROR_NETWORK_UNREACHABLE },
  { "io-failed", g_io_error_quark, G_IO_ERROR_FAILED, KW_COGNITO_ERROR_NETWORK_UNREACHABLE },
  { "soup-parsing", soup_session_error_quark, SOUP_SESSION_ERROR_PARSING,
    KW_COGNITO_ERROR_INVALID_RESPONSE },
  { "soup-encoding", soup_session_error_quark, SOUP_SESSION_ERROR_ENCODING,
    KW_COGNITO_ERROR_INVALID_RESPONSE },
};

static void
test_transport (gconstpointer data)
{
  const TransportCase *transport = data;
  g_autoptr(GError) raw = g_error_new_literal (transport->domain (), transport->code,
                                               "Error resolving "
                                               "\"cognito-idp.eu-west-1.amazonaws.com\"");
  g_autoptr(GError) error = kw_cognito_error_from_transport (raw);

  g_assert_error (error, KW_COGNITO_ERROR, (int) transport->expected);
  /* The cause stays readable in the details. */
  g_assert_cmpstr (error->message, ==, raw->message);
  g_assert_null (kw_cognito_error_get_name (error));
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/cognito-error/sanitize-name", test_sanitize_name);
  g_test_add_func ("/keyway/cognito-error/code-names", test_code_names);
  g_test_add_func ("/keyway/cognito-error/code-names-spelling", test_code_names_spelling);
  g_test_add_func ("/keyway/cognito-error/alias-names", test_alias_names);
  g_test_add_func ("/keyway/cognito-error/code-from-name-unknown", test_code_from_name_unknown);
  g_test_add_func ("/keyway/cognito-error/response/every-known-name",
                   test_response_every_known_name);
  g_test_add_func ("/keyway/cognito-error/response/name-precedence", test_response_name_precedence);
  g_test_add_func ("/keyway/cognito-error/response/message-precedence",
                   test_response_message_precedence);
  g_test_add_func ("/keyway/cognito-error/response/known", test_response_known);
  g_test_add_func ("/keyway/cognito-error/response/name-beats-status",
                   test_response_name_beats_status);
  g_test_add_func ("/keyway/cognito-error/response/unknown-name", test_response_unknown_name);
  g_test_add_func ("/keyway/cognito-error/response/success", test_response_success);
  g_test_add_func ("/keyway/cognito-error/response/body-length", test_response_body_length);
  g_test_add_func ("/keyway/cognito-error/copy", test_error_copy);
  g_test_add_func ("/keyway/cognito-error/foreign-error", test_foreign_error);

  for (guint i = 0; i < G_N_ELEMENTS (nameless_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/cognito-error/response/nameless/%u",
                                               nameless_cases[i].status);

      g_test_add_data_func (path, &nameless_cases[i], test_response_nameless);
    }

  for (guint i = 0; i < G_N_ELEMENTS (transport_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/cognito-error/transport/%s",
                                               transport_cases[i].name);

      g_test_add_data_func (path, &transport_cases[i], test_transport);
    }

  /* Last, because a failure stops the run. */
  g_test_add_func ("/keyway/cognito-error/response/hostile-text", test_response_hostile_text);
  g_test_add_func ("/keyway/cognito-error/blank-body/response", test_response_blank_body);

  return g_test_run ();
}
