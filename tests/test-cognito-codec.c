/* test-cognito-codec.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-codec.h"
#include "kw-test-utils.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define REQUEST_ID "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

static gboolean
decode (KwCognitoOperation   operation,
        guint                status,
        const char          *body,
        KwCognitoOutput     *output,
        GError             **error)
{
  KwCognitoResponse response = {
    .http_status = status,
    .request_id = REQUEST_ID,
    .body = body,
    .body_length = body != NULL ? strlen (body) : 0,
  };

  return kw_cognito_codec_decode (operation, &response, output, error);
}

static char *
format_date (GDateTime *date)
{
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_utc_offset (date), ==, 0);

  return g_date_time_format_iso8601 (date);
}

/* ------------------------------------------------------------------------
 * ForgotPassword
 * ------------------------------------------------------------------------ */

/* What the person is told: where the code went. */
static void
test_forgot_password_full (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;
  const char *body =
    "{\"CodeDeliveryDetails\":{\"Destination\":\"j***@e***.com\","
    "\"DeliveryMedium\":\"EMAIL\",\"AttributeName\":\"email\"}}";

  g_assert_true (decode (KW_COGNITO_OPERATION_FORGOT_PASSWORD, 200, body, &output, &error));
  g_assert_no_error (error);

  g_assert_nonnull (output.delivery);
  g_assert_cmpstr (output.delivery->destination, ==, "j***@e***.com");
  g_assert_cmpstr (output.delivery->delivery_medium, ==, "EMAIL");
  g_assert_cmpstr (output.delivery->attribute_name, ==, "email");
  g_assert_cmpint (output.delivery->medium, ==, KW_DELIVERY_MEDIUM_EMAIL);
  g_assert_null (output.user);
  g_assert_null (output.users);

  kw_cognito_output_clear (&output);
}

static void
test_forgot_password_partial (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;

  g_assert_true (decode (KW_COGNITO_OPERATION_FORGOT_PASSWORD, 200,
                         "{\"CodeDeliveryDetails\":{\"DeliveryMedium\":\"SMS\","
                         "\"Destination\":null}}",
                         &output, &error));
  g_assert_no_error (error);

  g_assert_nonnull (output.delivery);
  g_assert_null (output.delivery->destination);
  g_assert_cmpstr (output.delivery->delivery_medium, ==, "SMS");
  g_assert_null (output.delivery->attribute_name);
  g_assert_cmpint (output.delivery->medium, ==, KW_DELIVERY_MEDIUM_SMS);
  kw_cognito_output_clear (&output);

  /* A medium added after Keyway shipped is kept as sent, not refused. */
  g_assert_true (decode (KW_COGNITO_OPERATION_FORGOT_PASSWORD, 200,
                         "{\"CodeDeliveryDetails\":{\"DeliveryMedium\":\"VOICE\"}}",
                         &output, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (output.delivery->delivery_medium, ==, "VOICE");
  g_assert_cmpint (output.delivery->medium, ==, KW_DELIVERY_MEDIUM_UNKNOWN);
  kw_cognito_output_clear (&output);
}

/* A pool can answer without saying where the code went (for instance when
 * the user does not exist and user existence errors are hidden): the flow
 * must still go on to the code page. */
static void
test_forgot_password_absent (void)
{
  static const char * const bodies[] = { "", "{}", "{\"CodeDeliveryDetails\":null}",
                                         "{\"CodeDeliveryDetails\":{}}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;

      g_test_message ("body: %s", bodies[i]);
      g_assert_true (decode (KW_COGNITO_OPERATION_FORGOT_PASSWORD, 200, bodies[i],
                             &output, &error));
      g_assert_no_error (error);
      g_assert_nonnull (output.delivery);
      g_assert_null (output.delivery->destination);
      g_assert_null (output.delivery->delivery_medium);
      g_assert_null (output.delivery->attribute_name);
      g_assert_cmpint (output.delivery->medium, ==, KW_DELIVERY_MEDIUM_UNKNOWN);
      kw_cognito_output_clear (&output);
    }
}

/* ------------------------------------------------------------------------
 * The operations with an empty output
 * ------------------------------------------------------------------------ */

static void
test_empty_outputs (void)
{
  static const KwCognitoOperation operations[] = {
    KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD,
    KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
    KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD,
  };
  /* A member the service adds later must not turn a success into a failure. */
  static const char * const bodies[] = { "", "{}", "{\"SomethingNew\":[1,2,3]}" };

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (bodies); j++)
        {
          KwCognitoOutput output;
          g_autoptr(GError) error = NULL;

          g_test_message ("%s, body: %s", kw_cognito_operation_get_name (operations[i]), bodies[j]);
          g_assert_true (decode (operations[i], 200, bodies[j], &output, &error));
          g_assert_no_error (error);
          g_assert_null (output.delivery);
          g_assert_null (output.user);
          g_assert_null (output.users);
          g_assert_null (output.pagination_token);
          kw_cognito_output_clear (&output);
        }
    }
}

/* ------------------------------------------------------------------------
 * AdminGetUser
 * ------------------------------------------------------------------------ */

static void
test_admin_get_user_full (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  const char *body =
    "{\"Username\":\"0d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a\","
    "\"UserAttributes\":["
    "{\"Name\":\"sub\",\"Value\":\"0d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a\"},"
    "{\"Name\":\"email\",\"Value\":\"jane.doe@example.com\"},"
    "{\"Name\":\"email_verified\",\"Value\":\"true\"},"
    "{\"Name\":\"phone_number_verified\",\"Value\":\"false\"},"
    "{\"Name\":\"custom:note\"}],"
    "\"UserCreateDate\":1682955829,"
    "\"UserLastModifiedDate\":1.7e9,"
    "\"Enabled\":false,"
    "\"UserStatus\":\"RESET_REQUIRED\","
    "\"PreferredMfaSetting\":\"SOFTWARE_TOKEN_MFA\","
    "\"UserMFASettingList\":[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]}";

  g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200, body, &output, &error));
  g_assert_no_error (error);
  g_assert_nonnull (output.user);
  g_assert_null (output.delivery);
  g_assert_null (output.users);

  /* The real username, not the alias the person typed. */
  g_assert_cmpstr (output.user->username, ==, "0d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
  g_assert_cmpuint (g_hash_table_size (output.user->attributes), ==, 5);
  g_assert_cmpstr (kw_cognito_user_get_attribute (output.user, "email"), ==,
                   "jane.doe@example.com");
  g_assert_true (kw_cognito_user_attribute_is_true (output.user, "email_verified"));
  g_assert_false (kw_cognito_user_attribute_is_true (output.user, "phone_number_verified"));
  /* An attribute without a value is present and empty. */
  g_assert_cmpstr (kw_cognito_user_get_attribute (output.user, "custom:note"), ==, "");

  g_assert_false (output.user->enabled);
  g_assert_cmpstr (output.user->status, ==, "RESET_REQUIRED");
  g_assert_cmpint (output.user->status_code, ==, KW_USER_STATUS_RESET_REQUIRED);
  g_assert_cmpstr (output.user->preferred_mfa, ==, "SOFTWARE_TOKEN_MFA");
  g_assert_nonnull (output.user->mfa_settings);
  g_assert_cmpuint (g_strv_length (output.user->mfa_settings), ==, 2);
  g_assert_cmpstr (output.user->mfa_settings[0], ==, "SMS_MFA");
  g_assert_cmpstr (output.user->mfa_settings[1], ==, "SOFTWARE_TOKEN_MFA");

  created = format_date (output.user->created);
  modified = format_date (output.user->modified);
  g_assert_cmpstr (created, ==, "2023-05-01T15:43:49Z");
  g_assert_cmpstr (modified, ==, "2023-11-14T22:13:20Z");

  kw_cognito_output_clear (&output);
}

typedef struct
{
  const char *json;
  const char *iso8601;
  int         microsecond;
} DateCase;

/* Epoch seconds as Cognito and the SDKs' serializers write them. The
 * expected values were computed with Python:
 *   datetime.datetime.fromtimestamp (1682955829.578, datetime.timezone.utc)
 * gives 2023-05-01 15:43:49.578000+00:00. */
static const DateCase date_cases[] = {
  { "1682955829", "2023-05-01T15:43:49Z", 0 },
  { "1682955829.578", "2023-05-01T15:43:49.578000Z", 578000 },
  { "1.682955829578E9", "2023-05-01T15:43:49.578000Z", 578000 },
  { "1.682955829578e9", "2023-05-01T15:43:49.578000Z", 578000 },
  { "1.682955829578E+9", "2023-05-01T15:43:49.578000Z", 578000 },
  { "1.682955829E9", "2023-05-01T15:43:49Z", 0 },
  { "1682955829.5", "2023-05-01T15:43:49.500000Z", 500000 },
  { "0", "1970-01-01T00:00:00Z", 0 },
  { "0.001", "1970-01-01T00:00:00.001000Z", 1000 },
};

static void
test_admin_get_user_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"Username\":\"jane\",\"UserCreateDate\":%s,"
                                               "\"UserLastModifiedDate\":%s}",
                                               date_cases[i].json, date_cases[i].json);
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;
      g_autofree char *created = NULL;
      g_autofree char *modified = NULL;

      g_test_message ("date: %s", date_cases[i].json);
      g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200, body, &output, &error));
      g_assert_no_error (error);

      created = format_date (output.user->created);
      modified = format_date (output.user->modified);
      g_assert_cmpstr (created, ==, date_cases[i].iso8601);
      g_assert_cmpstr (modified, ==, date_cases[i].iso8601);
      g_assert_cmpint (g_date_time_get_microsecond (output.user->created), ==,
                       date_cases[i].microsecond);

      kw_cognito_output_clear (&output);
    }
}

/* Fields of the scientific-notation date, one by one, so that the check
 * does not rest on the ISO 8601 formatter alone. */
static void
test_admin_get_user_date_fields (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;
  GDateTime *date;

  g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200,
                         "{\"Username\":\"jane\",\"UserCreateDate\":1.682955829578E9}",
                         &output, &error));
  g_assert_no_error (error);

  date = output.user->created;
  g_assert_nonnull (date);
  g_assert_null (output.user->modified);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2023);
  g_assert_cmpint (g_date_time_get_month (date), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 15);
  g_assert_cmpint (g_date_time_get_minute (date), ==, 43);
  g_assert_cmpint (g_date_time_get_second (date), ==, 49);
  g_assert_cmpint (g_date_time_get_microsecond (date), ==, 578000);
  g_assert_cmpint (g_date_time_to_unix (date), ==, 1682955829);

  kw_cognito_output_clear (&output);
}

static void
test_admin_get_user_status (void)
{
  static const struct {
    const char   *status;
    KwUserStatus  code;
  } statuses[] = {
    { "UNCONFIRMED", KW_USER_STATUS_UNCONFIRMED },
    { "CONFIRMED", KW_USER_STATUS_CONFIRMED },
    { "ARCHIVED", KW_USER_STATUS_ARCHIVED },
    { "COMPROMISED", KW_USER_STATUS_COMPROMISED },
    { "UNKNOWN", KW_USER_STATUS_UNKNOWN },
    { "RESET_REQUIRED", KW_USER_STATUS_RESET_REQUIRED },
    { "FORCE_CHANGE_PASSWORD", KW_USER_STATUS_FORCE_CHANGE_PASSWORD },
    { "EXTERNAL_PROVIDER", KW_USER_STATUS_EXTERNAL_PROVIDER },
    /* New values and other spellings are kept as sent, and unknown. */
    { "SOMETHING_NEW", KW_USER_STATUS_UNKNOWN },
    { "confirmed", KW_USER_STATUS_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"Username\":\"jane\",\"UserStatus\":\"%s\"}",
                                               statuses[i].status);
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", statuses[i].status);
      g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200, body, &output, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (output.user->status, ==, statuses[i].status);
      g_assert_cmpint (output.user->status_code, ==, statuses[i].code);
      kw_cognito_output_clear (&output);
    }
}

/* A disabled account cannot reset its password; the flag must survive. A
 * missing flag means enabled, as the service only omits it for those. */
static void
test_admin_get_user_enabled (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;

  g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200,
                         "{\"Username\":\"jane\",\"Enabled\":false}", &output, &error));
  g_assert_no_error (error);
  g_assert_false (output.user->enabled);
  kw_cognito_output_clear (&output);

  g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200,
                         "{\"Username\":\"jane\",\"Enabled\":true}", &output, &error));
  g_assert_no_error (error);
  g_assert_true (output.user->enabled);
  kw_cognito_output_clear (&output);

  g_assert_true (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200,
                         "{\"Username\":\"jane\"}", &output, &error));
  g_assert_no_error (error);
  g_assert_true (output.user->enabled);
  g_assert_null (output.user->status);
  g_assert_cmpint (output.user->status_code, ==, KW_USER_STATUS_UNKNOWN);
  g_assert_null (output.user->created);
  g_assert_null (output.user->mfa_settings);
  g_assert_cmpuint (g_hash_table_size (output.user->attributes), ==, 0);
  kw_cognito_output_clear (&output);
}

/* AdminGetUser always names the user; an answer without one is unusable. */
static void
test_admin_get_user_no_user (void)
{
  static const char * const bodies[] = { "", "{}", "{\"Username\":null,\"Enabled\":true}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;

      g_test_message ("body: %s", bodies[i]);
      g_assert_false (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200, bodies[i],
                              &output, &error));
      g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
      g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 200);
      g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
      g_assert_null (output.user);
      kw_cognito_output_clear (&output);
    }
}

typedef struct
{
  const char         *name;
  KwCognitoOperation  operation;
  const char         *body;
  const char         *member;   /* the member the message must name */
} WrongTypeCase;

/* A member of the wrong JSON type is a peer that lies, reported by name
 * rather than guessed at. */
static const WrongTypeCase wrong_type_cases[] = {
  { "delivery-string", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "{\"CodeDeliveryDetails\":\"email\"}", "CodeDeliveryDetails" },
  { "delivery-list", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "{\"CodeDeliveryDetails\":[]}", "CodeDeliveryDetails" },
  { "destination-number", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "{\"CodeDeliveryDetails\":{\"Destination\":5}}", "Destination" },
  { "medium-boolean", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "{\"CodeDeliveryDetails\":{\"DeliveryMedium\":true}}", "DeliveryMedium" },
  { "attribute-name-list", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "{\"CodeDeliveryDetails\":{\"AttributeName\":[\"email\"]}}", "AttributeName" },
  { "username-number", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":5}", "Username" },
  { "attributes-object", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserAttributes\":{\"email\":\"jane@example.com\"}}",
    "UserAttributes" },
  { "attributes-item-string", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserAttributes\":[\"email\"]}", "UserAttributes" },
  { "attributes-item-no-name", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserAttributes\":[{\"Value\":\"x\"}]}", "UserAttributes" },
  { "attributes-name-number", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserAttributes\":[{\"Name\":5,\"Value\":\"x\"}]}", "Name" },
  { "attributes-value-boolean", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserAttributes\":[{\"Name\":\"email_verified\",\"Value\":true}]}",
    "Value" },
  { "status-number", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserStatus\":1}", "UserStatus" },
  { "enabled-string", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"Enabled\":\"false\"}", "Enabled" },
  { "enabled-number", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"Enabled\":0}", "Enabled" },
  { "created-string", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserCreateDate\":\"2023-05-01T15:43:49Z\"}", "UserCreateDate" },
  { "created-negative", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserCreateDate\":-1}", "UserCreateDate" },
  { "modified-after-9999", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserLastModifiedDate\":1e12}", "UserLastModifiedDate" },
  { "modified-infinite", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserLastModifiedDate\":1e400}", "UserLastModifiedDate" },
  { "mfa-list-string", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"UserMFASettingList\":\"SMS_MFA\"}", "UserMFASettingList" },
  { "preferred-mfa-number", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "{\"Username\":\"jane\",\"PreferredMfaSetting\":1}", "PreferredMfaSetting" },
  { "users-object", KW_COGNITO_OPERATION_LIST_USERS,
    "{\"Users\":{\"Username\":\"jane\"}}", "Users" },
  { "users-item-string", KW_COGNITO_OPERATION_LIST_USERS,
    "{\"Users\":[{\"Username\":\"jane\"},\"john\"]}", "Users" },
  { "users-item-enabled-string", KW_COGNITO_OPERATION_LIST_USERS,
    "{\"Users\":[{\"Username\":\"jane\",\"Enabled\":\"yes\"}]}", "Enabled" },
  { "users-item-attributes-object", KW_COGNITO_OPERATION_LIST_USERS,
    "{\"Users\":[{\"Username\":\"jane\",\"Attributes\":{}}]}", "Attributes" },
  { "pagination-token-number", KW_COGNITO_OPERATION_LIST_USERS,
    "{\"Users\":[],\"PaginationToken\":5}", "PaginationToken" },
};

static void
test_wrong_type (gconstpointer data)
{
  const WrongTypeCase *wrong = data;
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;

  g_assert_false (decode (wrong->operation, 200, wrong->body, &output, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, wrong->member));
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 200);
  g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
  /* Whatever was decoded before the fault is released by the caller. */
  kw_cognito_output_clear (&output);
}

/* ------------------------------------------------------------------------
 * ListUsers
 * ------------------------------------------------------------------------ */

static void
test_list_users (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  KwCognitoUser *first;
  KwCognitoUser *second;
  const char *body =
    "{\"Users\":["
    "{\"Username\":\"jane\",\"Attributes\":[{\"Name\":\"email\",\"Value\":\"jane@example.com\"}],"
    "\"UserCreateDate\":1.682955829578E9,\"Enabled\":true,\"UserStatus\":\"CONFIRMED\"},"
    "{\"Username\":\"john\",\"Attributes\":[],\"Enabled\":false,"
    "\"UserStatus\":\"FORCE_CHANGE_PASSWORD\"}],"
    "\"PaginationToken\":\"CAISlgIIARKPAggDEooCAEn+/=\"}";

  g_assert_true (decode (KW_COGNITO_OPERATION_LIST_USERS, 200, body, &output, &error));
  g_assert_no_error (error);
  g_assert_nonnull (output.users);
  g_assert_cmpuint (output.users->len, ==, 2);
  g_assert_cmpstr (output.pagination_token, ==, "CAISlgIIARKPAggDEooCAEn+/=");
  g_assert_null (output.user);

  /* In the order the service listed them. */
  first = g_ptr_array_index (output.users, 0);
  second = g_ptr_array_index (output.users, 1);

  g_assert_cmpstr (first->username, ==, "jane");
  g_assert_cmpstr (kw_cognito_user_get_attribute (first, "email"), ==, "jane@example.com");
  g_assert_true (first->enabled);
  g_assert_cmpint (first->status_code, ==, KW_USER_STATUS_CONFIRMED);
  created = format_date (first->created);
  g_assert_cmpstr (created, ==, "2023-05-01T15:43:49.578000Z");

  g_assert_cmpstr (second->username, ==, "john");
  g_assert_cmpuint (g_hash_table_size (second->attributes), ==, 0);
  g_assert_false (second->enabled);
  g_assert_cmpint (second->status_code, ==, KW_USER_STATUS_FORCE_CHANGE_PASSWORD);
  g_assert_null (second->created);

  kw_cognito_output_clear (&output);
}

/* The last page has no token, and an empty pool no users: both are an
 * empty list, never a missing one. */
static void
test_list_users_empty (void)
{
  static const char * const bodies[] = { "", "{}", "{\"Users\":[]}",
                                         "{\"Users\":null,\"PaginationToken\":null}" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;

      g_test_message ("body: %s", bodies[i]);
      g_assert_true (decode (KW_COGNITO_OPERATION_LIST_USERS, 200, bodies[i], &output, &error));
      g_assert_no_error (error);
      g_assert_nonnull (output.users);
      g_assert_cmpuint (output.users->len, ==, 0);
      g_assert_null (output.pagination_token);
      kw_cognito_output_clear (&output);
    }
}

/* ------------------------------------------------------------------------
 * Answers that are not JSON objects, and service errors
 * ------------------------------------------------------------------------ */

static void
test_not_an_object (void)
{
  static const char * const bodies[] = {
    "<html><body>Welcome to the captive portal</body></html>",
    "[]",
    "[{\"Username\":\"jane\"}]",
    "\"jane\"",
    "42",
    "true",
    "null",
    "{\"Username\":",
    "{\"Username\":\"ja\xffne\"}",
  };

  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
        {
          KwCognitoOutput output;
          g_autoptr(GError) error = NULL;

          g_test_message ("%s, body: %s", kw_cognito_operation_get_name (operation), bodies[i]);
          g_assert_false (decode (operation, 200, bodies[i], &output, &error));
          g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
          g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 200);
          g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
          g_assert_null (output.delivery);
          g_assert_null (output.user);
          g_assert_null (output.users);
          kw_cognito_output_clear (&output);
        }
    }
}

/* An error answer is the service's error, for every operation, with what
 * helpdesk staff need to quote it. */
static void
test_error_answer (void)
{
  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      KwCognitoResponse response = {
        .http_status = 400,
        .error_type = "CodeMismatchException:"
                      "http://internal.amazon.com/coral/com.amazonaws.cognito/",
        .error_message = "from the header",
        .request_id = REQUEST_ID,
        .body = "{\"__type\":\"CodeMismatchException\","
                "\"message\":\"Invalid verification code provided, please try again.\"}",
      };
      KwCognitoOutput output;
      g_autoptr(GError) error = NULL;

      response.body_length = strlen (response.body);

      g_test_message ("%s", kw_cognito_operation_get_name (operation));
      g_assert_false (kw_cognito_codec_decode (operation, &response, &output, &error));
      g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
      g_assert_cmpstr (error->message, ==, "Invalid verification code provided, please try again.");
      g_assert_cmpstr (kw_cognito_error_get_name (error), ==, "CodeMismatchException");
      g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, 400);
      g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, REQUEST_ID);
      g_assert_null (output.delivery);
      g_assert_null (output.user);
      g_assert_null (output.users);
      kw_cognito_output_clear (&output);
    }
}

static void
test_error_answer_kinds (void)
{
  KwCognitoOutput output;
  g_autoptr(GError) throttled = NULL;
  g_autoptr(GError) gateway = NULL;
  g_autoptr(GError) unknown = NULL;

  g_assert_false (decode (KW_COGNITO_OPERATION_LIST_USERS, 400,
                          "{\"__type\":\"TooManyRequestsException\","
                          "\"message\":\"Too many requests\"}",
                          &output, &throttled));
  g_assert_error (throttled, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS);
  kw_cognito_output_clear (&output);

  g_assert_false (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 502,
                          "<html><body>502 Bad Gateway</body></html>", &output, &gateway));
  g_assert_error (gateway, KW_COGNITO_ERROR, KW_COGNITO_ERROR_SERVER_ERROR);
  g_assert_cmpuint (kw_cognito_error_get_http_status (gateway), ==, 502);
  g_assert_null (strstr (gateway->message, "<html>"));
  kw_cognito_output_clear (&output);

  g_assert_false (decode (KW_COGNITO_OPERATION_FORGOT_PASSWORD, 400,
                          "{\"__type\":\"BrandNewException\",\"message\":\"New\"}",
                          &output, &unknown));
  g_assert_error (unknown, KW_COGNITO_ERROR, KW_COGNITO_ERROR_UNKNOWN_ERROR);
  g_assert_cmpstr (kw_cognito_error_get_name (unknown), ==, "BrandNewException");
  g_assert_null (output.delivery);
  kw_cognito_output_clear (&output);
}

/* A body of only white space (a proxy's "\r\n") is no body: accepted where
 * an empty body is, refused where it is not, and never a json-glib critical,
 * which aborts the app when warnings are fatal. Run in a subprocess so a
 * critical fails this test alone. */
static void
test_blank_body (void)
{
  if (g_test_subprocess ())
    {
      KwCognitoOutput output;
      g_autoptr(GError) confirm_error = NULL;
      g_autoptr(GError) user_error = NULL;

      g_assert_true (decode (KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD, 200, "\r\n",
                             &output, &confirm_error));
      g_assert_no_error (confirm_error);
      kw_cognito_output_clear (&output);

      g_assert_false (decode (KW_COGNITO_OPERATION_ADMIN_GET_USER, 200, " \n",
                              &output, &user_error));
      g_assert_error (user_error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
      kw_cognito_output_clear (&output);
      return;
    }

  /* A failure is reported without aborting, so the other cases still run. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("a body of white space is not handled as no body (see the child's stderr)");
}

/* ------------------------------------------------------------------------
 * Requests
 * ------------------------------------------------------------------------ */

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

/* The body is signed byte for byte, so its form is fixed: compact, members
 * in insertion order, UTF-8 as is, and the escapes JSON requires. */
static void
test_serialize (void)
{
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(JsonObject) metadata = json_object_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *round_trip;
  JsonObject *round_trip_metadata;

  json_object_set_string_member (input, "ClientId", "4example5clientid6789abcde");
  json_object_set_string_member (input, "Username", "zo\xc3\xab");
  json_object_set_string_member (metadata, "note", "say \"hi\" \\ now");
  json_object_set_object_member (input, "ClientMetadata", g_steal_pointer (&metadata));
  json_object_set_int_member (input, "Limit", 60);
  json_object_set_boolean_member (input, "Permanent", TRUE);

  bytes = kw_cognito_codec_serialize (input);
  text = bytes_to_string (bytes);

  g_assert_cmpstr (text, ==,
                   "{\"ClientId\":\"4example5clientid6789abcde\",\"Username\":\"zo\xc3\xab\","
                   "\"ClientMetadata\":{\"note\":\"say \\\"hi\\\" \\\\ now\"},"
                   "\"Limit\":60,\"Permanent\":true}");
  /* The length is the text's, with no terminating NUL or newline signed. */
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (text));

  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  round_trip = json_node_get_object (parsed);
  g_assert_cmpstr (json_object_get_string_member (round_trip, "Username"), ==, "zo\xc3\xab");
  round_trip_metadata = json_object_get_object_member (round_trip, "ClientMetadata");
  g_assert_cmpstr (json_object_get_string_member (round_trip_metadata, "note"),
                   ==, "say \"hi\" \\ now");
}

/* A password with characters JSON must escape arrives intact. */
static void
test_serialize_password_escapes (void)
{
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *password = "p\"a\\s/s\xc2\xa0w\xf0\x9f\x98\x80rd";

  json_object_set_string_member (input, "Password", password);
  bytes = kw_cognito_codec_serialize (input);
  text = bytes_to_string (bytes);

  g_assert_null (strchr (text, '\n'));
  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (parsed), "Password"),
                   ==, password);
}

typedef struct
{
  KwCognitoOperation  operation;
  gboolean            client_metadata;
  gboolean            analytics;
  gboolean            user_context;
  const char         *required;   /* the operation's required members */
} ExtrasCase;

/* Which optional members each operation's model has: sending another
 * operation's member makes the service refuse the whole request. */
static const ExtrasCase extras_cases[] = {
  { KW_COGNITO_OPERATION_FORGOT_PASSWORD, TRUE, TRUE, TRUE,
    "{\"ClientId\":\"abc\",\"Username\":\"jane\"}" },
  { KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD, TRUE, TRUE, TRUE,
    "{\"ClientId\":\"abc\",\"Username\":\"jane\",\"ConfirmationCode\":\"123456\","
    "\"Password\":\"pw\"}" },
  { KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD, TRUE, FALSE, FALSE,
    "{\"UserPoolId\":\"eu-west-1_abc\",\"Username\":\"jane\"}" },
  { KW_COGNITO_OPERATION_ADMIN_GET_USER, FALSE, FALSE, FALSE,
    "{\"UserPoolId\":\"eu-west-1_abc\",\"Username\":\"jane\"}" },
  { KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD, FALSE, FALSE, FALSE,
    "{\"UserPoolId\":\"eu-west-1_abc\",\"Username\":\"jane\",\"Password\":\"pw\"}" },
  { KW_COGNITO_OPERATION_LIST_USERS, FALSE, FALSE, FALSE,
    "{\"UserPoolId\":\"eu-west-1_abc\"}" },
};

static void
test_add_extras (gconstpointer data)
{
  const ExtrasCase *extras_case = data;
  g_autoptr(GHashTable) metadata = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *request;
  KwCognitoExtras extras = {
    .client_metadata = metadata,
    .analytics_endpoint_id = "endpoint-1",
    .user_context_ip_address = "192.0.2.1",
    .user_context_encoded_data = "encoded",
  };

  g_hash_table_insert (metadata, "source", "keyway");
  g_hash_table_insert (metadata, "locale", "fr");

  kw_cognito_codec_add_extras (input, extras_case->operation, &extras);

  g_assert_cmpint (json_object_has_member (input, "ClientMetadata"), ==,
                   extras_case->client_metadata);
  g_assert_cmpint (json_object_has_member (input, "AnalyticsMetadata"), ==, extras_case->analytics);
  g_assert_cmpint (json_object_has_member (input, "UserContextData"), ==,
                   extras_case->user_context);
  g_assert_cmpuint (json_object_get_size (input), ==,
                    extras_case->client_metadata + extras_case->analytics +
                    extras_case->user_context);

  if (extras_case->client_metadata)
    {
      JsonObject *object = json_object_get_object_member (input, "ClientMetadata");

      g_assert_cmpuint (json_object_get_size (object), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "keyway");
      g_assert_cmpstr (json_object_get_string_member (object, "locale"), ==, "fr");
    }

  if (extras_case->analytics)
    {
      JsonObject *object = json_object_get_object_member (input, "AnalyticsMetadata");

      g_assert_cmpuint (json_object_get_size (object), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (object, "AnalyticsEndpointId"), ==,
                       "endpoint-1");
    }

  if (extras_case->user_context)
    {
      JsonObject *object = json_object_get_object_member (input, "UserContextData");

      g_assert_cmpuint (json_object_get_size (object), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (object, "IpAddress"), ==, "192.0.2.1");
      g_assert_cmpstr (json_object_get_string_member (object, "EncodedData"), ==, "encoded");
    }

  /* Added to a real request, the extras pass the operation's own
   * validation, so nothing the codec adds is refused before sending. */
  parsed = json_from_string (extras_case->required, &error);
  g_assert_no_error (error);
  request = json_node_get_object (parsed);
  kw_cognito_codec_add_extras (request, extras_case->operation, &extras);
  g_assert_true (kw_cognito_validate_input (extras_case->operation, request, &error));
  g_assert_no_error (error);
}

/* Only what was given is sent: no empty objects, no members with null. */
static void
test_add_extras_partial (void)
{
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(JsonObject) untouched = json_object_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  KwCognitoExtras extras = {
    .client_metadata = empty,
    .user_context_ip_address = "2001:db8::1",
  };

  kw_cognito_codec_add_extras (input, KW_COGNITO_OPERATION_FORGOT_PASSWORD, &extras);
  bytes = kw_cognito_codec_serialize (input);
  text = bytes_to_string (bytes);
  g_assert_cmpstr (text, ==, "{\"UserContextData\":{\"IpAddress\":\"2001:db8::1\"}}");

  kw_cognito_codec_add_extras (untouched, KW_COGNITO_OPERATION_FORGOT_PASSWORD, NULL);
  g_assert_cmpuint (json_object_get_size (untouched), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/cognito-codec/forgot-password/full", test_forgot_password_full);
  g_test_add_func ("/keyway/cognito-codec/forgot-password/partial", test_forgot_password_partial);
  g_test_add_func ("/keyway/cognito-codec/forgot-password/absent", test_forgot_password_absent);
  g_test_add_func ("/keyway/cognito-codec/empty-outputs", test_empty_outputs);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/full", test_admin_get_user_full);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/dates", test_admin_get_user_dates);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/date-fields",
                   test_admin_get_user_date_fields);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/status", test_admin_get_user_status);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/enabled", test_admin_get_user_enabled);
  g_test_add_func ("/keyway/cognito-codec/admin-get-user/no-user", test_admin_get_user_no_user);
  g_test_add_func ("/keyway/cognito-codec/list-users/full", test_list_users);
  g_test_add_func ("/keyway/cognito-codec/list-users/empty", test_list_users_empty);
  g_test_add_func ("/keyway/cognito-codec/not-an-object", test_not_an_object);
  g_test_add_func ("/keyway/cognito-codec/error-answer/every-operation", test_error_answer);
  g_test_add_func ("/keyway/cognito-codec/error-answer/kinds", test_error_answer_kinds);
  g_test_add_func ("/keyway/cognito-codec/serialize/compact", test_serialize);
  g_test_add_func ("/keyway/cognito-codec/serialize/password-escapes",
                   test_serialize_password_escapes);
  g_test_add_func ("/keyway/cognito-codec/add-extras/partial", test_add_extras_partial);

  for (guint i = 0; i < G_N_ELEMENTS (wrong_type_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/cognito-codec/wrong-type/%s",
                                               wrong_type_cases[i].name);

      g_test_add_data_func (path, &wrong_type_cases[i], test_wrong_type);
    }

  for (guint i = 0; i < G_N_ELEMENTS (extras_cases); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/keyway/cognito-codec/add-extras/%s",
                         kw_cognito_operation_get_name (extras_cases[i].operation));

      g_test_add_data_func (path, &extras_cases[i], test_add_extras);
    }

  /* Last, because a failure stops the run. */
  g_test_add_func ("/keyway/cognito-codec/blank-body/decode", test_blank_body);

  return g_test_run ();
}
