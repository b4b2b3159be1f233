/* test-cognito-client.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-client.h"
#include "kw-fake-cognito.h"
#include "kw-secret-hash.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  KwFakeCognito   *fake;
  KwCognitoClient *client;
  KwCognitoClient *admin;
} Fixture;

static KwCognitoClient *
new_client (const char *endpoint,
            const char *client_id,
            const char *secret)
{
  return g_object_new (KW_TYPE_COGNITO_CLIENT,
                       "endpoint", endpoint,
                       "region", "us-east-1",
                       "client-id", client_id,
                       "client-secret", secret,
                       "retry-base-delay", 5,
                       "timeout", 5,
                       NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new (TEST_ACCESS_KEY, TEST_SECRET_KEY, NULL, "test");

  fixture->fake = kw_test_fake_new ();
  fixture->client = new_client (kw_fake_cognito_get_url (fixture->fake), TEST_CLIENT, NULL);
  fixture->admin = new_client (kw_fake_cognito_get_url (fixture->fake), NULL, NULL);
  kw_cognito_client_set_credentials (fixture->admin, credentials);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->admin);
  g_assert_finalize_object (fixture->fake);
}

/* Synchronous wrappers: each runs the main context until its call is done. */

static gboolean
confirm_forgot_password (KwCognitoClient  *client,
                         const char       *username,
                         const char       *code,
                         const char       *password,
                         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_confirm_forgot_password_async (client, username, code, password, NULL, NULL,
                                                   kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_confirm_forgot_password_finish (client, result, error);
}

static KwCognitoUser *
admin_get_user (KwCognitoClient  *client,
                const char       *username,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_admin_get_user_async (client, TEST_POOL, username, NULL,
                                          kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_admin_get_user_finish (client, result, error);
}

static gboolean
admin_reset (KwCognitoClient  *client,
             const char       *username,
             GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_admin_reset_user_password_async (client, TEST_POOL, username, NULL, NULL,
                                                     kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_admin_reset_user_password_finish (client, result, error);
}

static gboolean
admin_set_password (KwCognitoClient  *client,
                    const char       *username,
                    const char       *password,
                    gboolean          permanent,
                    GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_admin_set_user_password_async (client, TEST_POOL, username, password, permanent,
                                                   NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_admin_set_user_password_finish (client, result, error);
}

static GPtrArray *
list_users (KwCognitoClient  *client,
            const char       *filter,
            int               limit,
            const char       *token,
            char            **next_token,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_list_users_async (client, TEST_POOL, filter, limit, token, NULL, NULL,
                                      kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_list_users_finish (client, result, next_token, error);
}

static KwFakeRequest *
last_request (Fixture *fixture)
{
  GPtrArray *requests = kw_fake_cognito_get_requests (fixture->fake);

  g_assert_cmpuint (requests->len, >, 0);
  return g_ptr_array_index (requests, requests->len - 1);
}

static JsonObject *
parse_body (KwFakeRequest *request)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                              g_bytes_get_size (request->body), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *
nested_string (JsonObject *object,
               const char *member,
               const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), name);
}

static void
test_forgot_password_email (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCodeDeliveryDetails) details =
    kw_test_forgot_password (fixture->client, "jane", &error);
  g_autoptr(JsonObject) body = NULL;
  KwFakeRequest *request;

  g_assert_no_error (error);
  g_assert_cmpstr (details->destination, ==, "j***@e***");
  g_assert_cmpstr (details->delivery_medium, ==, "EMAIL");
  g_assert_cmpint (details->medium, ==, KW_DELIVERY_MEDIUM_EMAIL);
  g_assert_cmpstr (details->attribute_name, ==, "email");

  /* The request is AWS JSON 1.1 exactly, and unsigned. */
  request = last_request (fixture);
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "x-amz-target"), ==,
                   "AWSCognitoIdentityProviderService.ForgotPassword");
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "content-type"), ==,
                   "application/x-amz-json-1.1");
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "user-agent"), ==,
                   "keyway/" PACKAGE_VERSION);
  g_assert_null (g_hash_table_lookup (request->headers, "authorization"));
  body = parse_body (request);
  g_assert_cmpuint (json_object_get_size (body), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (body, "ClientId"), ==, TEST_CLIENT);
  g_assert_cmpstr (json_object_get_string_member (body, "Username"), ==, "jane");
}

static void
test_forgot_password_sms (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCodeDeliveryDetails) details =
    kw_test_forgot_password (fixture->client, "sam", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (details->destination, ==, "+*******0123");
  g_assert_cmpint (details->medium, ==, KW_DELIVERY_MEDIUM_SMS);
  g_assert_cmpstr (details->attribute_name, ==, "phone_number");
}

static void
test_forgot_password_extras (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GHashTable) metadata = g_hash_table_new (g_str_hash, g_str_equal);
  KwCognitoExtras extras = {
    .client_metadata = metadata,
    .analytics_endpoint_id = "endpoint-1",
    .user_context_ip_address = "192.0.2.7",
    .user_context_encoded_data = "fingerprint",
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (metadata, "ticket", "INC-42");
  kw_cognito_client_forgot_password_async (fixture->client, "jane", &extras, NULL,
                                           kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  details = kw_cognito_client_forgot_password_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  body = parse_body (last_request (fixture));
  g_assert_cmpstr (nested_string (body, "ClientMetadata", "ticket"), ==, "INC-42");
  g_assert_cmpstr (nested_string (body, "AnalyticsMetadata", "AnalyticsEndpointId"),
                   ==, "endpoint-1");
  g_assert_cmpstr (nested_string (body, "UserContextData", "IpAddress"), ==, "192.0.2.7");
}

/* SECRET_HASH is computed over exactly the username that is sent. */
static void
test_secret_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KwCognitoClient) client =
    new_client (kw_fake_cognito_get_url (fixture->fake), TEST_SECRET_CLIENT, TEST_CLIENT_SECRET);
  g_autoptr(KwCognitoClient) wrong =
    new_client (kw_fake_cognito_get_url (fixture->fake), TEST_SECRET_CLIENT,
                "not-the-right-secret-at-all");
  g_autoptr(KwCognitoClient) missing =
    new_client (kw_fake_cognito_get_url (fixture->fake), TEST_SECRET_CLIENT, NULL);
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *expected = kw_secret_hash_compute (TEST_CLIENT_SECRET, "zoë",
                                                      TEST_SECRET_CLIENT);
  g_autoptr(GError) error = NULL;

  details = kw_test_forgot_password (client, "zoë", &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);
  body = parse_body (last_request (fixture));
  g_assert_cmpstr (json_object_get_string_member (body, "SecretHash"), ==, expected);

  g_clear_pointer (&details, kw_code_delivery_details_free);
  details = kw_test_forgot_password (wrong, "zoë", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_assert_nonnull (strstr (error->message, "secret hash"));
  g_clear_error (&error);

  details = kw_test_forgot_password (missing, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
}

static void
test_recovery_flow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  const char *code;

  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_no_error (error);
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  g_assert_nonnull (code);

  /* A wrong code is refused and the password stays. */
  g_assert_false (confirm_forgot_password (fixture->client, "jane", "000000x", TEST_PASSWORD,
                                           &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_assert_cmpstr (kw_cognito_error_get_name (error), ==, "CodeMismatchException");
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 400);
  g_assert_nonnull (kw_cognito_error_get_request_id (error));
  g_clear_error (&error);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, "Old-Passw0rd!");

  /* A weak password is the server's call. */
  g_assert_false (confirm_forgot_password (fixture->client, "jane", code, "short", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PASSWORD);
  g_clear_error (&error);

  g_assert_true (confirm_forgot_password (fixture->client, "jane", code, TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, TEST_PASSWORD);

  /* The code is spent. */
  g_assert_false (confirm_forgot_password (fixture->client, "jane", code, "Another-Passw0rd",
                                           &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_EXPIRED_CODE);
}

static void
test_no_verified_contact (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCodeDeliveryDetails) details =
    kw_test_forgot_password (fixture->client, "nocontact", &error);

  g_assert_null (details);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_name (error), ==, "InvalidParameterException");
  g_assert_null (kw_cognito_error_get_field (error));
}

/* Every exception the model lists for an operation arrives as its own code. */
static void
test_every_documented_error (Fixture       *fixture,
                             gconstpointer  data)
{
  for (KwCognitoOperation op = 0; op < KW_COGNITO_N_OPERATIONS; op++)
    {
      guint n_errors;
      const KwCognitoError *errors = kw_cognito_operation_get_errors (op, &n_errors);
      const char *name = kw_cognito_operation_get_name (op);

      for (guint i = 0; i < n_errors; i++)
        {
          const char *error_name = kw_cognito_error_code_to_name (errors[i]);
          g_autoptr(GError) error = NULL;
          guint before = kw_fake_cognito_count_requests (fixture->fake, name);
          gboolean retryable = errors[i] == KW_COGNITO_ERROR_TOO_MANY_REQUESTS ||
                               errors[i] == KW_COGNITO_ERROR_INTERNAL_ERROR;

          /* Retryable errors come back only after the last attempt. */
          for (guint n = 0; n < (retryable ? 3 : 1); n++)
            kw_fake_cognito_queue_fault (fixture->fake, name, KW_FAKE_FAULT_ERROR, error_name);

          switch (op)
            {
            case KW_COGNITO_OPERATION_FORGOT_PASSWORD:
              g_clear_pointer (&(KwCodeDeliveryDetails *){
                                 kw_test_forgot_password (fixture->client, "jane", &error) },
                               kw_code_delivery_details_free);
              break;
            case KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD:
              confirm_forgot_password (fixture->client, "jane", "123456", TEST_PASSWORD, &error);
              break;
            case KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD:
              admin_reset (fixture->admin, "jane", &error);
              break;
            case KW_COGNITO_OPERATION_ADMIN_GET_USER:
              g_clear_pointer (&(KwCognitoUser *){
                                 admin_get_user (fixture->admin, "jane", &error) },
                               kw_cognito_user_free);
              break;
            case KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD:
              admin_set_password (fixture->admin, "jane", TEST_PASSWORD, FALSE, &error);
              break;
            case KW_COGNITO_OPERATION_LIST_USERS:
              g_clear_pointer (&(GPtrArray *){
                                 list_users (fixture->admin, NULL, -1, NULL, NULL, &error) },
                               g_ptr_array_unref);
              break;
            default:
              g_assert_not_reached ();
            }

          g_assert_error (error, KW_COGNITO_ERROR, (int) errors[i]);
          g_assert_cmpstr (kw_cognito_error_get_name (error), ==, error_name);
          g_assert_true (kw_cognito_operation_can_return (op, errors[i]));
          g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, name) - before, ==,
                            retryable ? 3 : 1);
        }
    }
}

static void
test_throttling_retried (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_ERROR,
                               "TooManyRequestsException");
  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_ERROR, "ThrottlingException");
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (details->destination, ==, "j***@e***");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 3);
}

static void
test_at_most_three_attempts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_ERROR,
                                 "TooManyRequestsException");
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 3);
}

/* LimitExceededException spends the user's hourly budget: never again. */
static void
test_limit_exceeded_sent_once (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_directory_set_attempt_limit (kw_fake_cognito_get_directory (fixture->fake), 1);
  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_no_error (error);
  g_clear_pointer (&details, kw_code_delivery_details_free);

  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 2);
}

static void
test_server_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  /* A gateway's HTML 503 is retried, then reported with its status. */
  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_HTML_STATUS, "503");
  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_SERVER_ERROR);
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 503);
  g_assert_null (strstr (error->message, "<html"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 3);
  g_clear_error (&error);

  /* A 502 once, then the answer. */
  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_HTML_STATUS, "502");
  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);
  g_clear_pointer (&details, kw_code_delivery_details_free);

  /* An HTML 403 from a proxy is not Cognito: no retry. */
  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_HTML_STATUS, "403");
  details = kw_test_forgot_password (fixture->client, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 6);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  kw_cognito_client_set_timeout (fixture->client, 1);
  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_DELAY, "4000");
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 3 * G_USEC_PER_SEC);
  /* Not retried: the service may already have sent a code. */
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 1);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_mid_request (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_DELAY, "4000");
  kw_cognito_client_forgot_password_async (fixture->client, "jane", NULL, cancellable,
                                           kw_test_store_result_cb, &result);
  g_timeout_add (100, cancel_cb, cancellable);
  kw_test_wait_result (&result);
  details = kw_cognito_client_forgot_password_finish (fixture->client, result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 1);
}

/* With a long backoff, a cancel arrives while the client waits to retry. */
static void
test_cancel_mid_backoff (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cancelled_at;

  g_object_set (fixture->client, "retry-base-delay", 20000, NULL);
  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_ERROR,
                                 "TooManyRequestsException");

  kw_cognito_client_forgot_password_async (fixture->client, "jane", NULL, cancellable,
                                           kw_test_store_result_cb, &result);
  while (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword") == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Let the first answer arrive, so the client is waiting out its backoff. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50000);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  details = kw_cognito_client_forgot_password_finish (fixture->client, result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC / 2);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), <, 3);
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  /* A port that was free a moment ago and has nobody listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = new_client (url, TEST_CLIENT, NULL);
  details = kw_test_forgot_password (client, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CONNECTION_REFUSED);
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 0);
}

static void
test_connection_dropped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_DROP, NULL);
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_null (details);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CONNECTION_RESET);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 3);
}

static void
test_truncated_body (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_TRUNCATE, NULL);
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  /* Retried like any broken connection; the second attempt succeeds. */
  g_assert_no_error (error);
  g_assert_nonnull (details);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 2);
}

static void
test_garbled_body (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_GARBLE, NULL);
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 1);
}

static void
test_oversized_body (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, NULL, KW_FAKE_FAULT_OVERSIZE, NULL);
  details = kw_test_forgot_password (fixture->client, "jane", &error);

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_RESPONSE_TOO_LARGE);
}

/* Plain HTTP is for loopback only; elsewhere nothing is even attempted. */
static void
test_plain_http_refused (void)
{
  g_autoptr(KwCognitoClient) client = new_client ("http://cognito.example.com", TEST_CLIENT, NULL);
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  details = kw_test_forgot_password (client, "jane", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INSECURE_ENDPOINT);
  g_assert_nonnull (strstr (error->message, "http"));
}

static void
test_invalid_input_not_sent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  details = kw_test_forgot_password (fixture->client, "", &error);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (error), ==, "Username");
  g_clear_error (&error);

  g_assert_false (confirm_forgot_password (fixture->client, "jane", "12 34", TEST_PASSWORD,
                                           &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (error), ==, "ConfirmationCode");

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

static void
test_admin_get_user (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCognitoUser) user = admin_get_user (fixture->admin, "jane@example.com", &error);
  KwFakeRequest *request;

  g_assert_no_error (error);
  g_assert_cmpstr (user->username, ==, "jane");
  g_assert_cmpstr (kw_cognito_user_get_attribute (user, "email"), ==, "jane@example.com");
  g_assert_true (kw_cognito_user_attribute_is_true (user, "email_verified"));
  g_assert_cmpint (user->status_code, ==, KW_USER_STATUS_CONFIRMED);
  g_assert_true (user->enabled);
  g_assert_nonnull (user->created);

  request = last_request (fixture);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "authorization"),
                                   "AWS4-HMAC-SHA256 Credential=" TEST_ACCESS_KEY "/"));
  g_assert_nonnull (strstr (g_hash_table_lookup (request->headers, "authorization"),
                            "/us-east-1/cognito-idp/aws4_request, "
                            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "));
  g_assert_nonnull (g_hash_table_lookup (request->headers, "x-amz-date"));
}

static void
test_admin_reset_and_set (Fixture       *fixture,
                          gconstpointer  data)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fixture->fake);
  g_autoptr(GError) error = NULL;

  g_assert_true (admin_reset (fixture->admin, "sam", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_fake_directory_get_status (directory, TEST_POOL, "sam"), ==,
                   "RESET_REQUIRED");
  g_assert_nonnull (kw_fake_cognito_get_last_code (fixture->fake, "sam"));

  g_assert_false (admin_reset (fixture->admin, "nobody", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (admin_set_password (fixture->admin, "sam", "Temporary-Pa55", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_fake_directory_get_status (directory, TEST_POOL, "sam"), ==,
                   "FORCE_CHANGE_PASSWORD");

  g_assert_true (admin_set_password (fixture->admin, "sam", "Permanent-Pa55", TRUE, &error));
  g_assert_cmpstr (kw_fake_directory_get_status (directory, TEST_POOL, "sam"), ==, "CONFIRMED");
}

static void
test_list_users (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  KwCognitoUser *user;

  users = list_users (fixture->admin, "email = \"jane@example.com\"", -1, NULL, &token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  user = g_ptr_array_index (users, 0);
  g_assert_cmpstr (user->username, ==, "jane");
  g_assert_null (token);
  g_clear_pointer (&users, g_ptr_array_unref);

  users = list_users (fixture->admin, NULL, 1, NULL, &token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_nonnull (token);
  g_clear_pointer (&users, g_ptr_array_unref);

  users = list_users (fixture->admin, NULL, 60, token, &token2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 3);
  g_assert_null (token2);
}

static void
test_session_token_signed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new ("ASIATEMPORARY", "temporary/secret/key", "session-token-value", "test");
  g_autoptr(KwCognitoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  KwFakeRequest *request;

  kw_fake_cognito_add_credentials (fixture->fake, "ASIATEMPORARY", "temporary/secret/key",
                                   "session-token-value");
  kw_cognito_client_set_credentials (fixture->admin, credentials);
  user = admin_get_user (fixture->admin, "jane", &error);

  g_assert_no_error (error);
  request = last_request (fixture);
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "x-amz-security-token"), ==,
                   "session-token-value");
  g_assert_nonnull (strstr (g_hash_table_lookup (request->headers, "authorization"),
                            "SignedHeaders=content-type;host;x-amz-date;"
                            "x-amz-security-token;x-amz-target"));
}

static void
test_credential_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KwAwsCredentials) wrong_secret =
    kw_aws_credentials_new (TEST_ACCESS_KEY, "not-the-secret", NULL, "test");
  g_autoptr(KwAwsCredentials) unknown =
    kw_aws_credentials_new ("AKIAUNKNOWN", "whatever", NULL, "test");
  g_autoptr(KwCognitoClient) anonymous =
    new_client (kw_fake_cognito_get_url (fixture->fake), NULL, NULL);
  g_autoptr(GError) error = NULL;

  kw_cognito_client_set_credentials (fixture->admin, wrong_secret);
  g_assert_null (admin_get_user (fixture->admin, "jane", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_SIGNATURE);
  g_clear_error (&error);

  kw_cognito_client_set_credentials (fixture->admin, unknown);
  g_assert_null (admin_get_user (fixture->admin, "jane", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT);
  g_clear_error (&error);

  /* Without credentials nothing is sent at all. */
  g_assert_null (admin_get_user (anonymous, "jane", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NO_CREDENTIALS);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminGetUser"), ==, 2);
}

/* Debug logs of a whole flow, retries included, hold none of the secrets. */
static GLogWriterOutput
collect_log_cb (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GString *log = user_data;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        g_string_append_printf (log, "%s\n", (const char *) fields[i].value);
    }

  return G_LOG_WRITER_HANDLED;
}

static void
test_no_secret_in_logs (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GString) log = g_string_new (NULL);
      g_autoptr(KwFakeCognito) fake = NULL;
      g_autoptr(KwCognitoClient) client = NULL;
      g_autoptr(KwCognitoClient) admin = NULL;
      g_autoptr(KwAwsCredentials) credentials =
        kw_aws_credentials_new (TEST_ACCESS_KEY, TEST_SECRET_KEY, "token-that-must-not-leak",
                                "test");
      g_autoptr(KwCodeDeliveryDetails) details = NULL;
      g_autoptr(KwCognitoUser) user = NULL;
      g_autofree char *hash = kw_secret_hash_compute (TEST_CLIENT_SECRET, "jane",
                                                      TEST_SECRET_CLIENT);
      g_autoptr(GError) error = NULL;
      const char *authorization;
      const char *code;

      g_log_set_writer_func (collect_log_cb, log, NULL);
      g_log_set_debug_enabled (TRUE);

      fake = kw_test_fake_new ();
      kw_fake_cognito_add_credentials (fake, TEST_ACCESS_KEY, TEST_SECRET_KEY,
                                       "token-that-must-not-leak");
      client = new_client (kw_fake_cognito_get_url (fake), TEST_SECRET_CLIENT, TEST_CLIENT_SECRET);
      admin = new_client (kw_fake_cognito_get_url (fake), NULL, NULL);
      kw_cognito_client_set_credentials (admin, credentials);

      kw_fake_cognito_queue_fault (fake, NULL, KW_FAKE_FAULT_ERROR, "TooManyRequestsException");
      details = kw_test_forgot_password (client, "jane", &error);
      g_assert_no_error (error);
      code = kw_fake_cognito_get_last_code (fake, "jane");
      confirm_forgot_password (client, "jane", code, TEST_PASSWORD, &error);
      g_assert_no_error (error);
      confirm_forgot_password (client, "jane", "999999", "Wrong-Passw0rd-Leak", &error);
      g_assert_nonnull (error);
      g_clear_error (&error);
      kw_fake_cognito_queue_fault (fake, NULL, KW_FAKE_FAULT_HTML_STATUS, "503");
      user = admin_get_user (admin, "jane", &error);
      g_assert_no_error (error);

      authorization = g_hash_table_lookup (((KwFakeRequest *) g_ptr_array_index (
        kw_fake_cognito_get_requests (fake),
        kw_fake_cognito_get_requests (fake)->len - 1))->headers,
        "authorization");

      /* The log did record the attempts, so the check below means something. */
      g_assert_nonnull (strstr (log->str, "ForgotPassword attempt 1/3"));
      g_assert_nonnull (strstr (log->str, "AdminGetUser attempt 2/3"));
      g_assert_null (strstr (log->str, TEST_CLIENT_SECRET));
      g_assert_null (strstr (log->str, hash));
      g_assert_null (strstr (log->str, code));
      g_assert_null (strstr (log->str, TEST_PASSWORD));
      g_assert_null (strstr (log->str, "Wrong-Passw0rd-Leak"));
      g_assert_null (strstr (log->str, TEST_SECRET_KEY));
      g_assert_null (strstr (log->str, "token-that-must-not-leak"));
      g_assert_null (strstr (log->str, strstr (authorization, "Signature=")));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

#define FIXTURE_TEST(path, func) \
  g_test_add ("/keyway/cognito-client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* The request id of each answer, success or failure, reaches the caller's
 * callback, for the helpdesk's audit trail. */
typedef struct
{
  char   *request_id;
  GError *error;
  gboolean done;
} RequestIdResult;

static void
request_id_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RequestIdResult *outcome = user_data;

  outcome->request_id = g_strdup (kw_cognito_client_get_request_id (result));
  kw_cognito_client_admin_reset_user_password_finish (KW_COGNITO_CLIENT (object), result,
                                                      &outcome->error);
  outcome->done = TRUE;
}

static void
test_request_id (Fixture       *fixture,
                 gconstpointer  data)
{
  RequestIdResult first = { 0 };
  RequestIdResult second = { 0 };

  kw_cognito_client_admin_reset_user_password_async (fixture->admin, TEST_POOL, "jane", NULL,
                                                     NULL, request_id_cb, &first);
  kw_test_wait_for (&first.done);
  g_assert_no_error (first.error);
  g_assert_true (g_uuid_string_is_valid (first.request_id));

  kw_fake_directory_set_enabled (kw_fake_cognito_get_directory (fixture->fake),
                                 TEST_POOL, "sam", FALSE);
  kw_cognito_client_admin_reset_user_password_async (fixture->admin, TEST_POOL, "sam", NULL,
                                                     NULL, request_id_cb, &second);
  kw_test_wait_for (&second.done);
  g_assert_error (second.error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_assert_true (g_uuid_string_is_valid (second.request_id));
  g_assert_cmpstr (second.request_id, ==, kw_cognito_error_get_request_id (second.error));
  g_assert_cmpstr (second.request_id, !=, first.request_id);

  g_free (first.request_id);
  g_free (second.request_id);
  g_clear_error (&second.error);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  FIXTURE_TEST ("forgot-password/email", test_forgot_password_email);
  FIXTURE_TEST ("forgot-password/sms", test_forgot_password_sms);
  FIXTURE_TEST ("forgot-password/extras", test_forgot_password_extras);
  FIXTURE_TEST ("forgot-password/no-verified-contact", test_no_verified_contact);
  FIXTURE_TEST ("secret-hash", test_secret_hash);
  FIXTURE_TEST ("recovery-flow", test_recovery_flow);
  FIXTURE_TEST ("every-documented-error", test_every_documented_error);
  FIXTURE_TEST ("retry/throttling", test_throttling_retried);
  FIXTURE_TEST ("retry/at-most-three", test_at_most_three_attempts);
  FIXTURE_TEST ("retry/limit-exceeded-once", test_limit_exceeded_sent_once);
  FIXTURE_TEST ("retry/server-errors", test_server_errors);
  FIXTURE_TEST ("timeout", test_timeout);
  FIXTURE_TEST ("cancel/mid-request", test_cancel_mid_request);
  FIXTURE_TEST ("cancel/mid-backoff", test_cancel_mid_backoff);
  g_test_add_func ("/keyway/cognito-client/connection-refused", test_connection_refused);
  FIXTURE_TEST ("connection-dropped", test_connection_dropped);
  FIXTURE_TEST ("body/truncated", test_truncated_body);
  FIXTURE_TEST ("body/garbled", test_garbled_body);
  FIXTURE_TEST ("body/oversized", test_oversized_body);
  g_test_add_func ("/keyway/cognito-client/plain-http-refused", test_plain_http_refused);
  FIXTURE_TEST ("invalid-input-not-sent", test_invalid_input_not_sent);
  FIXTURE_TEST ("admin/get-user", test_admin_get_user);
  FIXTURE_TEST ("admin/reset-and-set", test_admin_reset_and_set);
  FIXTURE_TEST ("admin/list-users", test_list_users);
  FIXTURE_TEST ("admin/session-token", test_session_token_signed);
  FIXTURE_TEST ("admin/credential-errors", test_credential_errors);
  FIXTURE_TEST ("admin/request-id", test_request_id);
  g_test_add_func ("/keyway/cognito-client/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
