/* test-fake-cognito.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-client.h"
#include "kw-fake-cognito.h"
#include "kw-sigv4.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <libsoup/soup.h>
#include <string.h>

/* The fake stands in for Cognito in the demo and in every other test, so its
 * own rules are tested here with raw HTTP, not through Keyway's client. */

typedef struct
{
  guint  status;
  char  *error_type;
  char  *body;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->error_type);
  g_free (answer->body);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

/* Sends @body to @operation, signed at @when with @secret when @key_id is set. */
static Answer *
post (KwFakeCognito *fake,
      const char    *operation,
      const char    *body,
      const char    *key_id,
      const char    *secret,
      GDateTime     *when)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("POST", kw_fake_cognito_get_url (fake));
  g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));
  g_autofree char *target = g_strconcat ("AWSCognitoIdentityProviderService.", operation, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  Answer *answer = g_new0 (Answer, 1);

  soup_message_set_request_body_from_bytes (message, "application/x-amz-json-1.1", request_body);
  soup_message_headers_replace (headers, "X-Amz-Target", target);

  if (key_id != NULL)
    {
      g_autoptr(KwSigv4Request) request = kw_sigv4_request_new ("POST", "/", NULL);
      g_autoptr(KwAwsCredentials) credentials = kw_aws_credentials_new (key_id, secret, NULL, NULL);
      g_autoptr(KwSigv4Result) signature = NULL;
      g_autoptr(GUri) uri = g_uri_parse (kw_fake_cognito_get_url (fake), G_URI_FLAGS_NONE, NULL);
      g_autofree char *host = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));

      kw_sigv4_request_add_header (request, "Content-Type", "application/x-amz-json-1.1");
      kw_sigv4_request_add_header (request, "Host", host);
      kw_sigv4_request_add_header (request, "X-Amz-Target", target);
      kw_sigv4_request_set_body (request, (const guint8 *) body, strlen (body));
      signature = kw_sigv4_sign (request, credentials, "us-east-1", "cognito-idp", when);
      soup_message_headers_replace (headers, "X-Amz-Date", signature->amz_date);
      soup_message_headers_replace (headers, "Authorization", signature->authorization);
    }

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  response = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);

  answer->status = soup_message_get_status (message);
  answer->error_type =
    g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                            "x-amzn-ErrorType"));
  answer->body = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));

  return answer;
}

static void
test_masks_destinations (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(Answer) email = post (fake, "ForgotPassword",
                                  "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"jane\"}",
                                  NULL, NULL, NULL);
  g_autoptr(Answer) sms = post (fake, "ForgotPassword",
                                "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"sam\"}",
                                NULL, NULL, NULL);

  g_assert_cmpuint (email->status, ==, 200);
  g_assert_nonnull (strstr (email->body, "\"Destination\":\"j***@e***\""));
  g_assert_null (strstr (email->body, "jane@example.com"));
  g_assert_nonnull (strstr (sms->body, "\"Destination\":\"+*******0123\""));
  g_assert_nonnull (strstr (sms->body, "\"DeliveryMedium\":\"SMS\""));
}

typedef struct
{
  char *username;
  char *destination;
  char *code;
} Delivery;

static void
code_sent_cb (KwFakeCognito *fake,
              const char    *username,
              const char    *destination,
              const char    *medium,
              const char    *code,
              Delivery      *delivery)
{
  delivery->username = g_strdup (username);
  delivery->destination = g_strdup (destination);
  delivery->code = g_strdup (code);
}

static void
test_code_sent_signal (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(Answer) answer = NULL;
  Delivery delivery = { NULL };

  g_signal_connect (fake, "code-sent", G_CALLBACK (code_sent_cb), &delivery);
  answer = post (fake, "ForgotPassword", "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"jane\"}",
                 NULL, NULL, NULL);

  g_assert_cmpstr (delivery.username, ==, "jane");
  g_assert_cmpstr (delivery.destination, ==, "j***@e***");
  g_assert_cmpuint (strlen (delivery.code), ==, 6);
  g_assert_cmpstr (delivery.code, ==, kw_fake_cognito_get_last_code (fake, "jane"));
  /* The code travels by "email", never in the answer. */
  g_assert_null (strstr (answer->body, delivery.code));

  g_free (delivery.username);
  g_free (delivery.destination);
  g_free (delivery.code);
}

/* A pool that hides whether accounts exist answers alike for everyone. */
static void
test_prevent_user_existence_errors (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(Answer) unknown = NULL;
  g_autoptr(Answer) no_contact = NULL;
  g_autoptr(Answer) confirm = NULL;
  g_autoptr(Answer) legacy = NULL;

  unknown = post (fake, "ForgotPassword",
                  "{\"ClientId\":\"" TEST_HIDDEN_CLIENT "\",\"Username\":\"ghost@example.com\"}",
                  NULL, NULL, NULL);
  g_assert_cmpuint (unknown->status, ==, 200);
  g_assert_nonnull (strstr (unknown->body, "\"Destination\":\"g***@e***\""));

  no_contact = post (fake, "ForgotPassword",
                     "{\"ClientId\":\"" TEST_HIDDEN_CLIENT "\",\"Username\":\"nocontact\"}",
                     NULL, NULL, NULL);
  g_assert_cmpuint (no_contact->status, ==, 200);

  confirm = post (fake, "ConfirmForgotPassword",
                  "{\"ClientId\":\"" TEST_HIDDEN_CLIENT "\",\"Username\":\"ghost@example.com\","
                  "\"ConfirmationCode\":\"123456\",\"Password\":\"" TEST_PASSWORD "\"}",
                  NULL, NULL, NULL);
  g_assert_cmpstr (confirm->error_type, ==, "CodeMismatchException:");

  legacy = post (fake, "ForgotPassword",
                 "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"ghost@example.com\"}",
                 NULL, NULL, NULL);
  g_assert_cmpstr (legacy->error_type, ==, "UserNotFoundException:");
}

static void
test_account_states (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fake);
  g_autoptr(Answer) disabled = NULL;
  g_autoptr(Answer) forced = NULL;

  kw_fake_directory_set_enabled (directory, TEST_POOL, "jane", FALSE);
  disabled = post (fake, "ForgotPassword",
                   "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"jane\"}",
                   NULL, NULL, NULL);
  g_assert_cmpstr (disabled->error_type, ==, "NotAuthorizedException:");
  g_assert_nonnull (strstr (disabled->body, "User is disabled."));

  kw_fake_directory_set_status (directory, TEST_POOL, "sam", "FORCE_CHANGE_PASSWORD");
  forced = post (fake, "ForgotPassword", "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"sam\"}",
                 NULL, NULL, NULL);
  g_assert_cmpstr (forced->error_type, ==, "NotAuthorizedException:");
}

static void
test_protocol_errors (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  g_autoptr(Answer) unknown_op = post (fake, "DeleteUserPool", "{}", NULL, NULL, NULL);
  g_autoptr(Answer) not_json = post (fake, "ForgotPassword", "[1, 2", NULL, NULL, NULL);
  g_autoptr(Answer) invalid = post (fake, "ForgotPassword",
                                    "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"jane doe\"}",
                                    NULL, NULL, NULL);
  g_autoptr(Answer) no_client = post (fake, "ForgotPassword",
                                      "{\"ClientId\":\"nosuchclient\",\"Username\":\"jane\"}",
                                      NULL, NULL, NULL);

  g_assert_cmpstr (unknown_op->error_type, ==, "UnknownOperationException:");
  g_assert_cmpuint (unknown_op->status, ==, 400);
  g_assert_cmpstr (not_json->error_type, ==, "SerializationException:");
  g_assert_cmpstr (invalid->error_type, ==, "InvalidParameterException:");
  g_assert_nonnull (strstr (invalid->body, "1 validation error detected: Invalid Username"));
  g_assert_cmpstr (no_client->error_type, ==, "ResourceNotFoundException:");
}

/* Admin calls must carry a valid SigV4 signature by a known key. */
static void
test_signature_checks (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  const char *body = "{\"UserPoolId\":\"" TEST_POOL "\",\"Username\":\"jane\"}";
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stale = g_date_time_add_minutes (now, -20);
  g_autoptr(Answer) good = post (fake, "AdminGetUser", body, TEST_ACCESS_KEY, TEST_SECRET_KEY, now);
  g_autoptr(Answer) unsigned_call = post (fake, "AdminGetUser", body, NULL, NULL, NULL);
  g_autoptr(Answer) wrong_secret = post (fake, "AdminGetUser", body, TEST_ACCESS_KEY, "guess", now);
  g_autoptr(Answer) unknown_key = post (fake, "AdminGetUser", body, "AKIANOBODY", TEST_SECRET_KEY,
                                        now);
  g_autoptr(Answer) skewed = post (fake, "AdminGetUser", body, TEST_ACCESS_KEY, TEST_SECRET_KEY,
                                   stale);
  g_autoptr(Answer) expired = NULL;

  g_assert_cmpuint (good->status, ==, 200);
  g_assert_nonnull (strstr (good->body, "\"Username\":\"jane\""));
  g_assert_cmpstr (unsigned_call->error_type, ==, "MissingAuthenticationTokenException:");
  g_assert_cmpstr (wrong_secret->error_type, ==, "InvalidSignatureException:");
  g_assert_cmpstr (unknown_key->error_type, ==, "UnrecognizedClientException:");
  g_assert_cmpstr (skewed->error_type, ==, "InvalidSignatureException:");
  g_assert_nonnull (strstr (skewed->body, "Signature expired"));

  kw_fake_cognito_expire_credentials (fake, TEST_ACCESS_KEY);
  expired = post (fake, "AdminGetUser", body, TEST_ACCESS_KEY, TEST_SECRET_KEY, now);
  g_assert_cmpstr (expired->error_type, ==, "ExpiredTokenException:");
}

static void
test_rate_limit (void)
{
  g_autoptr(KwFakeCognito) fake = kw_test_fake_new ();
  guint throttled = 0;

  kw_fake_cognito_set_rate_limit (fake, 5);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(Answer) answer = post (fake, "ForgotPassword",
                                       "{\"ClientId\":\"" TEST_CLIENT "\",\"Username\":\"ghost\"}",
                                       NULL, NULL, NULL);

      if (g_strcmp0 (answer->error_type, "TooManyRequestsException:") == 0)
        throttled++;
    }

  /* Five pass at once; the rest of a quick burst is throttled. */
  g_assert_cmpuint (throttled, >=, 4);
  g_assert_cmpuint (throttled, <=, 5);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/fake-cognito/masks-destinations", test_masks_destinations);
  g_test_add_func ("/keyway/fake-cognito/code-sent-signal", test_code_sent_signal);
  g_test_add_func ("/keyway/fake-cognito/prevent-user-existence-errors",
                   test_prevent_user_existence_errors);
  g_test_add_func ("/keyway/fake-cognito/account-states", test_account_states);
  g_test_add_func ("/keyway/fake-cognito/protocol-errors", test_protocol_errors);
  g_test_add_func ("/keyway/fake-cognito/signature-checks", test_signature_checks);
  g_test_add_func ("/keyway/fake-cognito/rate-limit", test_rate_limit);

  return g_test_run ();
}
