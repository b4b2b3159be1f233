/* test-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk.h"
#include "kw-secret-store.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  KwFakeCognito   *fake;
  KwFakeDirectory *directory;
  KwCognitoClient *client;
  KwAuditLog      *log;
  KwHelpdesk      *helpdesk;
} Fixture;

static KwCognitoClient *
new_admin_client (KwFakeCognito *fake,
                  const char    *secret_key)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new (TEST_ACCESS_KEY, secret_key, NULL, "test");
  KwCognitoClient *client = g_object_new (KW_TYPE_COGNITO_CLIENT,
                                          "endpoint", kw_fake_cognito_get_url (fake),
                                          "region", "us-east-1",
                                          "retry-base-delay", 5,
                                          "timeout", 5,
                                          NULL);

  kw_cognito_client_set_credentials (client, credentials);
  return client;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = kw_test_fake_new ();
  fixture->directory = kw_fake_cognito_get_directory (fixture->fake);
  fixture->client = new_admin_client (fixture->fake, TEST_SECRET_KEY);
  fixture->log = kw_audit_log_new (NULL);
  fixture->helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, NULL, fixture->log,
                                       TEST_ACCESS_KEY);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->helpdesk);
  g_assert_finalize_object (fixture->log);
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->fake);
}

/* Synchronous wrappers: each runs the main context until its call is done. */

static GPtrArray *
lookup (KwHelpdesk  *helpdesk,
        const char  *query,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_helpdesk_lookup_async (helpdesk, query, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_helpdesk_lookup_finish (helpdesk, result, error);
}

static gboolean
reset_with_metadata (KwHelpdesk    *helpdesk,
                     const char    *username,
                     GHashTable    *client_metadata,
                     GCancellable  *cancellable,
                     char         **request_id,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_helpdesk_reset_async (helpdesk, username, client_metadata, cancellable,
                           kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_helpdesk_reset_finish (helpdesk, result, request_id, error);
}

static gboolean
reset (KwHelpdesk    *helpdesk,
       const char    *username,
       GCancellable  *cancellable,
       char         **request_id,
       GError       **error)
{
  return reset_with_metadata (helpdesk, username, NULL, cancellable, request_id, error);
}

/* The caller's copy of @password is wiped and freed as soon as the call is
 * made: the helpdesk must have taken its own. */
static gboolean
set_password (KwHelpdesk  *helpdesk,
              const char  *username,
              const char  *password,
              gboolean     permanent,
              char       **request_id,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *copy = g_strdup (password);

  kw_helpdesk_set_password_async (helpdesk, username, copy, permanent, NULL,
                                  kw_test_store_result_cb, &result);
  kw_secret_free (copy);
  kw_test_wait_result (&result);
  return kw_helpdesk_set_password_finish (helpdesk, result, request_id, error);
}

/* The body of the @index-th request the fake received, parsed. */
static JsonObject *
request_body (KwFakeCognito *fake,
              guint          index,
              const char    *operation)
{
  GPtrArray *requests = kw_fake_cognito_get_requests (fake);
  KwFakeRequest *request;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (requests->len, >, index);
  request = g_ptr_array_index (requests, index);
  g_assert_cmpstr (request->operation, ==, operation);
  text = g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
  node = json_from_string (text, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (node));
}

static char *
set_temporary_password (KwHelpdesk  *helpdesk,
                        const char  *username,
                        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_helpdesk_set_temporary_password_async (helpdesk, username, NULL,
                                            kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_helpdesk_set_temporary_password_finish (helpdesk, result, error);
}

/* The audit log's lines, each parsed. */
static GPtrArray *
audit_lines (KwAuditLog *log)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!g_file_load_contents (kw_audit_log_get_file (log), NULL, &contents, NULL, NULL, NULL))
    return g_steal_pointer (&objects);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (objects, json_node_dup_object (json_parser_get_root (parser)));
    }

  return g_steal_pointer (&objects);
}

static void
assert_audit_line (JsonObject *line,
                   const char *username,
                   const char *action,
                   const char *outcome,
                   const char *request_id)
{
  g_assert_cmpstr (json_object_get_string_member (line, "actor"), ==, TEST_ACCESS_KEY);
  g_assert_cmpstr (json_object_get_string_member (line, "userPoolId"), ==, TEST_POOL);
  g_assert_cmpstr (json_object_get_string_member (line, "username"), ==, username);
  g_assert_cmpstr (json_object_get_string_member (line, "action"), ==, action);
  g_assert_cmpstr (json_object_get_string_member (line, "outcome"), ==, outcome);
  if (request_id != NULL)
    g_assert_cmpstr (json_object_get_string_member (line, "requestId"), ==, request_id);
  else
    g_assert_true (json_object_get_null_member (line, "requestId"));
}

static void
test_classify (void)
{
  static const struct {
    const char   *query;
    KwLookupKind  kind;
    const char   *filter;
  } cases[] = {
    { "jane", KW_LOOKUP_USERNAME, NULL },
    { "  jane  ", KW_LOOKUP_USERNAME, NULL },
    { "jane@example.com", KW_LOOKUP_EMAIL, "email = \"jane@example.com\"" },
    { " jane@example.com\n", KW_LOOKUP_EMAIL, "email = \"jane@example.com\"" },
    { "Jane.Doe+tag@mail.example.co.uk", KW_LOOKUP_EMAIL,
      "email = \"Jane.Doe+tag@mail.example.co.uk\"" },
    { "o\"neil@example.com", KW_LOOKUP_EMAIL, "email = \"o\\\"neil@example.com\"" },
    { "back\\slash@example.com", KW_LOOKUP_EMAIL, "email = \"back\\\\slash@example.com\"" },
    { "\"\\\"@example.com", KW_LOOKUP_EMAIL, "email = \"\\\"\\\\\\\"@example.com\"" },
    { "zoë@exämple.com", KW_LOOKUP_EMAIL, "email = \"zoë@exämple.com\"" },
    { "jane@localhost", KW_LOOKUP_USERNAME, NULL },
    { "@example.com", KW_LOOKUP_USERNAME, NULL },
    { "jane@.com", KW_LOOKUP_USERNAME, NULL },
    { "jane@example.", KW_LOOKUP_USERNAME, NULL },
    { "ja ne@example.com", KW_LOOKUP_USERNAME, NULL },
    { "+15555550123", KW_LOOKUP_PHONE, "phone_number = \"+15555550123\"" },
    { "+1 (555) 555-0123", KW_LOOKUP_PHONE, "phone_number = \"+15555550123\"" },
    { "+44 20.7946.0958", KW_LOOKUP_PHONE, "phone_number = \"+442079460958\"" },
    { "+1234567", KW_LOOKUP_PHONE, "phone_number = \"+1234567\"" },
    { "+123456", KW_LOOKUP_USERNAME, NULL },
    { "+123456789012345", KW_LOOKUP_PHONE, "phone_number = \"+123456789012345\"" },
    { "+1234567890123456", KW_LOOKUP_USERNAME, NULL },
    { "15555550123", KW_LOOKUP_USERNAME, NULL },
    { "+1 555 555 0123 x7", KW_LOOKUP_USERNAME, NULL },
    { "+", KW_LOOKUP_USERNAME, NULL },
    { "", KW_LOOKUP_USERNAME, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *filter = kw_helpdesk_filter_for_query (cases[i].query);

      g_test_message ("query «%s»", cases[i].query);
      g_assert_cmpint (kw_helpdesk_classify_query (cases[i].query), ==, cases[i].kind);
      g_assert_cmpstr (filter, ==, cases[i].filter);
    }
}

static void
test_lookup_username (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = lookup (fixture->helpdesk, " jane ", &error);
  KwCognitoUser *user;

  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  user = g_ptr_array_index (users, 0);
  g_assert_cmpstr (user->username, ==, "jane");
  g_assert_cmpstr (kw_cognito_user_get_attribute (user, "email"), ==, "jane@example.com");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminGetUser"), ==, 1);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ListUsers"), ==, 0);
}

static void
test_lookup_unknown_username (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = lookup (fixture->helpdesk, "ghost", &error);

  g_assert_null (users);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
}

static void
test_lookup_email (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = lookup (fixture->helpdesk, "jane@example.com", &error);
  KwFakeRequest *request;

  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 0))->username, ==, "jane");

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ListUsers"), ==, 1);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "AdminGetUser"), ==, 0);
  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                 g_bytes_get_size (request->body),
                                 "\"Filter\":\"email = \\\"jane@example.com\\\"\""));
}

static void
test_lookup_email_several (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "sam", "email",
                                   "shared@example.com");
  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "zoë", "email",
                                   "shared@example.com");

  users = lookup (fixture->helpdesk, "shared@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 0))->username, ==, "sam");
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 1))->username, ==, "zoë");
}

/* A quote in the address must reach the service escaped, or the filter
 * would end early (or match something else). */
static void
test_lookup_email_quoted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "sam", "email",
                                   "o\"neil\\x@example.com");

  users = lookup (fixture->helpdesk, "o\"neil\\x@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 0))->username, ==, "sam");
}

static void
test_lookup_phone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "zoë", "phone_number",
                                   "+442079460958");

  users = lookup (fixture->helpdesk, "+1 (555) 555-0123", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 0))->username, ==, "sam");
  g_clear_pointer (&users, g_ptr_array_unref);

  users = lookup (fixture->helpdesk, "+44 20 7946 0958", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  g_assert_cmpstr (((KwCognitoUser *) g_ptr_array_index (users, 0))->username, ==, "zoë");
}

static void
test_lookup_no_match (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = lookup (fixture->helpdesk, "nobody@example.com", &error);

  g_assert_no_error (error);
  g_assert_nonnull (users);
  g_assert_cmpuint (users->len, ==, 0);

  g_clear_pointer (&users, g_ptr_array_unref);
  users = lookup (fixture->helpdesk, "+19995550000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 0);
}

/* More matches than one page holds: every page is fetched. */
static void
test_lookup_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *username = g_strdup_printf ("twin%02u", i);

      kw_fake_directory_add_user (fixture->directory, TEST_POOL, username, "Old-Passw0rd!");
      kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, username, "email",
                                       "twins@example.com");
    }

  users = lookup (fixture->helpdesk, "twins@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 70);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ListUsers"), ==, 2);
}

static void
test_wrong_credentials (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KwCognitoClient) client = new_admin_client (fixture->fake, "not-the-secret-key");
  g_autoptr(KwHelpdesk) helpdesk = kw_helpdesk_new (client, TEST_POOL, NULL, fixture->log,
                                                    TEST_ACCESS_KEY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  users = lookup (helpdesk, "jane", &error);
  g_assert_null (users);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_SIGNATURE);
  g_clear_error (&error);

  g_assert_false (reset (helpdesk, "jane", NULL, NULL, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_SIGNATURE);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "CONFIRMED");

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  assert_audit_line (g_ptr_array_index (lines, 0), "jane", "AdminResetUserPassword",
                     "InvalidSignatureException", kw_cognito_error_get_request_id (error));
}

static void
test_unknown_access_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new ("AKIDUNKNOWN", TEST_SECRET_KEY, NULL, "test");
  g_autoptr(KwHelpdesk) helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, NULL, NULL,
                                                    "AKIDUNKNOWN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  kw_cognito_client_set_credentials (fixture->client, credentials);
  users = lookup (helpdesk, "jane@example.com", &error);
  g_assert_null (users);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_true (reset (fixture->helpdesk, "jane", NULL, &request_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (request_id);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "RESET_REQUIRED");
  g_assert_nonnull (kw_fake_cognito_get_last_code (fixture->fake, "jane"));

  /* The line is on disk when the call returns. */
  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  assert_audit_line (g_ptr_array_index (lines, 0), "jane", "AdminResetUserPassword",
                     "success", request_id);
  g_assert_false (kw_test_file_contains (g_file_peek_path (kw_audit_log_get_file (fixture->log)),
                                         kw_fake_cognito_get_last_code (fixture->fake, "jane")));
}

static void
test_reset_errors_audited (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) no_channel = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) injected = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  /* No verified email or phone to send a code to. */
  g_assert_false (reset (fixture->helpdesk, "nocontact", NULL, NULL, &no_channel));
  g_assert_error (no_channel, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);

  g_assert_false (reset (fixture->helpdesk, "ghost", NULL, NULL, &unknown));
  g_assert_error (unknown, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);

  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_ERROR,
                               "LimitExceededException");
  g_assert_false (reset (fixture->helpdesk, "jane", NULL, NULL, &injected));
  g_assert_error (injected, KW_COGNITO_ERROR, KW_COGNITO_ERROR_LIMIT_EXCEEDED);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "CONFIRMED");

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_nonnull (kw_cognito_error_get_request_id (no_channel));
  assert_audit_line (g_ptr_array_index (lines, 0), "nocontact", "AdminResetUserPassword",
                     "InvalidParameterException", kw_cognito_error_get_request_id (no_channel));
  assert_audit_line (g_ptr_array_index (lines, 1), "ghost", "AdminResetUserPassword",
                     "UserNotFoundException", kw_cognito_error_get_request_id (unknown));
  assert_audit_line (g_ptr_array_index (lines, 2), "jane", "AdminResetUserPassword",
                     "LimitExceededException", kw_cognito_error_get_request_id (injected));
}

/* No answer came: the outcome names what happened, with no request id. */
static void
test_reset_transport_error_audited (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_object_set (fixture->client, "max-attempts", 1, NULL);
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DROP, NULL);

  g_assert_false (reset (fixture->helpdesk, "jane", NULL, NULL, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CONNECTION_RESET);

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  assert_audit_line (g_ptr_array_index (lines, 0), "jane", "AdminResetUserPassword",
                     "ConnectionReset", NULL);
}

static void
test_reset_cancelled_audited (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (reset (fixture->helpdesk, "jane", cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "CONFIRMED");

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  assert_audit_line (g_ptr_array_index (lines, 0), "jane", "AdminResetUserPassword",
                     "Cancelled", NULL);
}

static void
reset_with_broken_log (Fixture *fixture)
{
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "audit.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwAuditLog) log = kw_audit_log_new (file);
  g_autoptr(KwHelpdesk) helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, NULL, log,
                                                    TEST_ACCESS_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);

  g_assert_true (reset (helpdesk, "jane", NULL, &request_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (request_id);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "RESET_REQUIRED");
}

/* The reset happened: the person must learn it even when the audit line
 * could not be written, and the failure must not go unnoticed either. The
 * warning is structured logging, which g_test_expect_message() does not see
 * in GLib 2.74: a subprocess runs the reset and its stderr is checked. */
static void
test_reset_audit_failure (Fixture       *fixture,
                          gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*Could not write the audit log entry for "
                                 "AdminResetUserPassword of jane: *Not a directory*");
      return;
    }

  /* The warning is expected here: not fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  reset_with_broken_log (fixture);
}

static void
test_set_temporary_password (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *log_path = g_file_peek_path (kw_audit_log_get_file (fixture->log));
  char *password = set_temporary_password (fixture->helpdesk, "sam", &error);
  KwFakeRequest *request;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (password);
  g_assert_cmpuint (strlen (password), >=, 16);
  g_assert_true (kw_password_policy_accepts (policy, password));
  g_assert_cmpstr (kw_fake_directory_get_password (fixture->directory, TEST_POOL, "sam"), ==,
                   password);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "sam"), ==,
                   "FORCE_CHANGE_PASSWORD");

  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_cmpstr (request->operation, ==, "AdminSetUserPassword");
  text = g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
  body = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (body), "Permanent"));

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_false (json_object_get_null_member (g_ptr_array_index (lines, 0), "requestId"));
  assert_audit_line (g_ptr_array_index (lines, 0), "sam", "AdminSetUserPassword", "success",
                     json_object_get_string_member (g_ptr_array_index (lines, 0), "requestId"));
  g_assert_false (kw_test_file_contains (log_path, password));

  /* A second one is a different password. */
  {
    char *again = set_temporary_password (fixture->helpdesk, "sam", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, !=, password);
    kw_secret_free (again);
  }

  kw_secret_free (password);
}

/* A pool whose policy asks for a long password gets one. */
static void
test_set_temporary_password_policy (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  policy->minimum_length = 40;
  helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, policy, NULL, TEST_ACCESS_KEY);
  password = set_temporary_password (helpdesk, "jane", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (password, -1), >=, 40);
  g_assert_true (kw_password_policy_accepts (policy, password));
  g_assert_cmpstr (kw_fake_directory_get_password (fixture->directory, TEST_POOL, "jane"), ==,
                   password);
  kw_secret_free (password);
}

static void
test_set_temporary_password_error (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  char *password = set_temporary_password (fixture->helpdesk, "ghost", &error);

  g_assert_null (password);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  assert_audit_line (g_ptr_array_index (lines, 0), "ghost", "AdminSetUserPassword",
                     "UserNotFoundException", kw_cognito_error_get_request_id (error));
}

/* ClientMetadata reaches the service as given, for the pool's Lambda
 * triggers; without any, the request carries none. */
static void
test_reset_client_metadata (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GHashTable) metadata = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  g_autoptr(JsonObject) plain = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *sent;

  g_assert_true (reset (fixture->helpdesk, "sam", NULL, NULL, &error));
  g_assert_no_error (error);
  plain = request_body (fixture->fake, 0, "AdminResetUserPassword");
  g_assert_false (json_object_has_member (plain, "ClientMetadata"));

  g_hash_table_insert (metadata, "ticket", "4711");
  g_hash_table_insert (metadata, "agent", "zoë");
  g_assert_true (reset_with_metadata (fixture->helpdesk, "jane", metadata, NULL, &request_id,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "RESET_REQUIRED");

  body = request_body (fixture->fake, 1, "AdminResetUserPassword");
  g_assert_cmpstr (json_object_get_string_member (body, "Username"), ==, "jane");
  sent = json_object_get_object_member (body, "ClientMetadata");
  g_assert_nonnull (sent);
  g_assert_cmpuint (json_object_get_size (sent), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (sent, "ticket"), ==, "4711");
  g_assert_cmpstr (json_object_get_string_member (sent, "agent"), ==, "zoë");

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 2);
  assert_audit_line (g_ptr_array_index (lines, 1), "jane", "AdminResetUserPassword",
                     "success", request_id);
}

static void
test_set_password (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char temporary[] = "Temporary-Pa55word";
  static const char permanent[] = "Permanent-Pa55word!";
  const char *log_path = g_file_peek_path (kw_audit_log_get_file (fixture->log));
  g_autoptr(GError) error = NULL;
  g_autofree char *temporary_id = NULL;
  g_autofree char *permanent_id = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_true (set_password (fixture->helpdesk, "sam", temporary, FALSE, &temporary_id,
                               &error));
  g_assert_no_error (error);
  g_assert_nonnull (temporary_id);
  g_assert_cmpstr (kw_fake_directory_get_password (fixture->directory, TEST_POOL, "sam"), ==,
                   temporary);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "sam"), ==,
                   "FORCE_CHANGE_PASSWORD");

  g_assert_true (set_password (fixture->helpdesk, "jane", permanent, TRUE, &permanent_id,
                               &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_fake_directory_get_password (fixture->directory, TEST_POOL, "jane"), ==,
                   permanent);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "CONFIRMED");

  first = request_body (fixture->fake, 0, "AdminSetUserPassword");
  g_assert_false (json_object_get_boolean_member (first, "Permanent"));
  second = request_body (fixture->fake, 1, "AdminSetUserPassword");
  g_assert_true (json_object_get_boolean_member (second, "Permanent"));

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 2);
  assert_audit_line (g_ptr_array_index (lines, 0), "sam", "AdminSetUserPassword", "success",
                     temporary_id);
  assert_audit_line (g_ptr_array_index (lines, 1), "jane", "AdminSetUserPassword", "success",
                     permanent_id);
  g_assert_false (kw_test_file_contains (log_path, temporary));
  g_assert_false (kw_test_file_contains (log_path, permanent));
  g_assert_false (kw_test_file_contains (log_path, "Pa55word"));
}

/* A password the pool refuses: the user keeps the old one, and the audit
 * line names the service's error, not the password. */
static void
test_set_password_invalid (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *log_path = g_file_peek_path (kw_audit_log_get_file (fixture->log));
  g_autofree char *before = g_strdup (kw_fake_directory_get_password (fixture->directory,
                                                                      TEST_POOL, "jane"));
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_false (set_password (fixture->helpdesk, "jane", "weakpass", TRUE, &request_id,
                                &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PASSWORD);
  g_assert_null (request_id);
  g_assert_null (strstr (error->message, "weakpass"));
  g_assert_cmpstr (kw_fake_directory_get_password (fixture->directory, TEST_POOL, "jane"), ==,
                   before);
  g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, "jane"), ==,
                   "CONFIRMED");

  lines = audit_lines (fixture->log);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (kw_cognito_error_get_request_id (error));
  assert_audit_line (g_ptr_array_index (lines, 0), "jane", "AdminSetUserPassword",
                     "InvalidPasswordException", kw_cognito_error_get_request_id (error));
  g_assert_false (kw_test_file_contains (log_path, "weakpass"));
}

static void
test_no_audit_log (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KwHelpdesk) helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, NULL, NULL,
                                                    TEST_ACCESS_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;

  g_assert_true (reset (helpdesk, "jane", NULL, &request_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (request_id);
  g_assert_false (g_file_query_exists (kw_audit_log_get_file (fixture->log), NULL));
  g_assert_cmpstr (kw_helpdesk_get_user_pool_id (helpdesk), ==, TEST_POOL);
  g_assert_true (kw_helpdesk_get_client (helpdesk) == fixture->client);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/helpdesk/classify", test_classify);

#define ADD(path, func) \
  g_test_add ("/keyway/helpdesk/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lookup-username", test_lookup_username);
  ADD ("lookup-unknown-username", test_lookup_unknown_username);
  ADD ("lookup-email", test_lookup_email);
  ADD ("lookup-email-several", test_lookup_email_several);
  ADD ("lookup-email-quoted", test_lookup_email_quoted);
  ADD ("lookup-phone", test_lookup_phone);
  ADD ("lookup-no-match", test_lookup_no_match);
  ADD ("lookup-pages", test_lookup_pages);
  ADD ("wrong-credentials", test_wrong_credentials);
  ADD ("unknown-access-key", test_unknown_access_key);
  ADD ("reset", test_reset);
  ADD ("reset-errors-audited", test_reset_errors_audited);
  ADD ("reset-transport-error-audited", test_reset_transport_error_audited);
  ADD ("reset-cancelled-audited", test_reset_cancelled_audited);
  ADD ("reset-audit-failure", test_reset_audit_failure);
  ADD ("reset-client-metadata", test_reset_client_metadata);
  ADD ("set-password", test_set_password);
  ADD ("set-password-invalid", test_set_password_invalid);
  ADD ("set-temporary-password", test_set_temporary_password);
  ADD ("set-temporary-password-policy", test_set_temporary_password_policy);
  ADD ("set-temporary-password-error", test_set_temporary_password_error);
  ADD ("no-audit-log", test_no_audit_log);

#undef ADD

  return g_test_run ();
}
