/* test-user-message.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-aws-config.h"
#include "kw-cognito-error.h"
#include "kw-cognito-model.h"
#include "kw-connection.h"
#include "kw-core-enums.h"
#include "kw-recovery-flow.h"
#include "kw-secret-store.h"
#include "kw-test-utils.h"
#include "kw-user-message.h"

#include <string.h>

#define REQUEST_ID "5e1c0a2b-7d3f-4c6e-9b8a-1f2e3d4c5b6a"

/* Words no one would write in a message, so a leak of the service's text
 * into a body is easy to see. */
#define SERVICE_TEXT "Quartz zebra wording from the service"

#define FORGOT  KW_COGNITO_OPERATION_FORGOT_PASSWORD
#define CONFIRM KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD
#define RESET   KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD
#define GET     KW_COGNITO_OPERATION_ADMIN_GET_USER
#define SET     KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD
#define LIST    KW_COGNITO_OPERATION_LIST_USERS

typedef enum
{
  CONN_NONE,          /* no connection passed */
  CONN_PLAIN,         /* an end-user connection: no secret, existence errors shown */
  CONN_SECRET,        /* an app client with a secret */
  CONN_HIDDEN,        /* PreventUserExistenceErrors */
  CONN_HIDDEN_SECRET,
  CONN_PROFILE,       /* helpdesk connections, by credentials source */
  CONN_ENVIRONMENT,
  CONN_KEYRING,
  N_CONNS
} Conn;

static const char * const conn_names[] = {
  "no connection", "plain", "secret", "hidden", "hidden+secret", "profile", "environment",
  "keyring",
};

G_STATIC_ASSERT (G_N_ELEMENTS (conn_names) == N_CONNS);

/* The service's reasons Keyway quotes: they explain to the person what to do. */
static gboolean
quotes_reason (KwCognitoError code)
{
  return code == KW_COGNITO_ERROR_INVALID_PASSWORD ||
         code == KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION ||
         code == KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION;
}

static KwConnection *
make_connection (Conn conn)
{
  KwCredentialsSource source = KW_CREDENTIALS_SOURCE_NONE;

  if (conn == CONN_NONE)
    return NULL;

  if (conn == CONN_PROFILE)
    source = KW_CREDENTIALS_SOURCE_PROFILE;
  else if (conn == CONN_ENVIRONMENT)
    source = KW_CREDENTIALS_SOURCE_ENVIRONMENT;
  else if (conn == CONN_KEYRING)
    source = KW_CREDENTIALS_SOURCE_KEYRING;

  return g_object_new (KW_TYPE_CONNECTION,
                       "id", "acme",
                       "name", "Acme",
                       "region", "us-east-1",
                       "client-id", "testclient",
                       "user-pool-id", "us-east-1_TestPool1",
                       "has-client-secret", conn == CONN_SECRET || conn == CONN_HIDDEN_SECRET,
                       "prevent-user-existence-errors",
                       conn == CONN_HIDDEN || conn == CONN_HIDDEN_SECRET,
                       "credentials-source", source,
                       "aws-profile", source == KW_CREDENTIALS_SOURCE_PROFILE ? "helpdesk" : NULL,
                       NULL);
}

/* An error as the service (or, for codes without a wire name, the
 * transport) would produce it. */
static GError *
make_error (KwCognitoError  code,
            const char     *message)
{
  const char *name = kw_cognito_error_code_to_name (code);

  return kw_cognito_error_new_full (code, name, name != NULL ? 400 : 0,
                                    name != NULL ? REQUEST_ID : NULL, message);
}

static KwUserMessage *
message_for (KwCognitoOperation  operation,
             KwCognitoError      code,
             Conn                conn,
             const char         *service_text)
{
  g_autoptr(KwConnection) connection = make_connection (conn);
  g_autoptr(GError) error = make_error (code, service_text);

  return kw_user_message_new_for_error (error, operation, connection);
}

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

static void
describe (const GError       *error,
          KwCognitoOperation  operation,
          Conn                conn)
{
  g_test_message ("%s code %d, %s, %s", g_quark_to_string (error->domain), error->code,
                  kw_cognito_operation_get_name (operation), conn_names[conn]);
}

/* What every specific message must be: short sentence-case title, a body of
 * whole plain sentences, no jargon, a label for every action, a wait time
 * only for WAIT, and details that name the error. */
static void
check_message (KwUserMessage *message,
               const GError  *error)
{
  const char *title = kw_user_message_get_title (message);
  const char *body = kw_user_message_get_body (message);
  KwUserAction action = kw_user_message_get_action (message);
  GDateTime *wait_until = kw_user_message_get_wait_until (message);
  g_autofree char *details = kw_user_message_dup_details (message);
  g_autofree char *title_prop = NULL;
  g_autofree char *body_prop = NULL;
  g_autofree char *label_prop = NULL;
  g_autoptr(GDateTime) wait_prop = NULL;
  KwUserAction action_prop = KW_USER_ACTION_NONE;
  gboolean generic_prop = TRUE;

  g_assert_false (kw_user_message_get_generic (message));

  g_assert_nonnull (title);
  g_assert_cmpuint (strlen (title), >, 0);
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 40);
  g_assert_true (g_unichar_isupper (g_utf8_get_char (title)));
  g_assert_false (g_str_has_suffix (title, "."));
  g_assert_null (strchr (title, '%'));

  g_assert_nonnull (body);
  g_assert_true (g_unichar_isupper (g_utf8_get_char (body)));
  g_assert_true (g_str_has_suffix (body, "."));
  g_assert_null (strstr (body, "%s"));
  g_assert_null (strstr (body, "  "));
  g_assert_null (strstr (body, "“”"));

  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? title : body;

      g_assert_false (contains_nocase (text, "Exception"));
      g_assert_false (contains_nocase (text, "HTTP"));
    }

  if (action == KW_USER_ACTION_NONE)
    g_assert_null (kw_user_message_get_action_label (message));
  else
    g_assert_cmpuint (strlen (kw_user_message_get_action_label (message)), >, 0);

  if (action == KW_USER_ACTION_WAIT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_assert_nonnull (wait_until);
      g_assert_cmpint (g_date_time_compare (wait_until, now), >, 0);
    }
  else
    {
      g_assert_null (wait_until);
    }

  g_assert_nonnull (kw_user_message_get_error_name (message));
  g_assert_nonnull (strstr (details, kw_user_message_get_error_name (message)));
  if (error->domain == KW_COGNITO_ERROR && kw_cognito_error_get_request_id (error) != NULL)
    {
      g_assert_cmpstr (kw_user_message_get_request_id (message), ==, REQUEST_ID);
      g_assert_nonnull (strstr (details, "Request ID: " REQUEST_ID));
    }
  if (error->message != NULL && *error->message != '\0')
    g_assert_nonnull (strstr (details, error->message));

  /* The properties say what the getters say. */
  g_object_get (message,
                "title", &title_prop,
                "body", &body_prop,
                "action", &action_prop,
                "action-label", &label_prop,
                "wait-until", &wait_prop,
                "generic", &generic_prop,
                NULL);
  g_assert_cmpstr (title_prop, ==, title);
  g_assert_cmpstr (body_prop, ==, body);
  g_assert_cmpint (action_prop, ==, action);
  g_assert_cmpstr (label_prop, ==, kw_user_message_get_action_label (message));
  g_assert_true (wait_prop == wait_until);
  g_assert_false (generic_prop);
}

/* The walk the issue asks for: every error each operation can return (its
 * documented exceptions, the AWS-wide errors of signed calls, every transport
 * failure and local refusal), on every kind of connection. Any other code
 * still gets a text of its own, since the service adds exceptions over time. */
static void
test_every_code (void)
{
  GEnumClass *codes = g_type_class_ref (KW_TYPE_COGNITO_ERROR);
  guint n_signed_only = 0;

  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      guint n_errors = 0;
      const KwCognitoError *documented = kw_cognito_operation_get_errors (operation, &n_errors);

      /* The walk below must cover the model's list. */
      g_assert_cmpuint (n_errors, >, 0);
      for (guint i = 0; i < n_errors; i++)
        g_assert_true (kw_cognito_operation_can_return (operation, documented[i]));
      if (kw_cognito_operation_is_signed (operation))
        {
          g_assert_true (kw_cognito_operation_can_return (operation,
                                                          KW_COGNITO_ERROR_INVALID_SIGNATURE));
          n_signed_only++;
        }
      g_assert_true (kw_cognito_operation_can_return (operation, KW_COGNITO_ERROR_TIMEOUT));

      for (guint i = 0; i < codes->n_values; i++)
        {
          KwCognitoError code = codes->values[i].value;
          gboolean listed = kw_cognito_operation_can_return (operation, code);

          for (Conn conn = 0; conn < (listed ? N_CONNS : CONN_PLAIN); conn++)
            {
              g_autoptr(KwConnection) connection = make_connection (conn);
              g_autoptr(GError) error = make_error (code, SERVICE_TEXT);
              g_autoptr(KwUserMessage) message = NULL;
              KwUserAction action;

              describe (error, operation, conn);
              message = kw_user_message_new_for_error (error, operation, connection);
              check_message (message, error);
              action = kw_user_message_get_action (message);

              /* The service's text belongs in the details, except where it
               * is the reason the person needs. */
              if (quotes_reason (code))
                g_assert_nonnull (strstr (kw_user_message_get_body (message), SERVICE_TEXT));
              else
                g_assert_null (strstr (kw_user_message_get_body (message), SERVICE_TEXT));

              /* Only a step the operation has can be returned to. */
              if (listed && kw_cognito_operation_is_signed (operation))
                {
                  g_assert_cmpint (action, !=, KW_USER_ACTION_EDIT_CODE);
                  g_assert_cmpint (action, !=, KW_USER_ACTION_RESEND_CODE);
                }
              if (listed && operation == FORGOT)
                {
                  g_assert_cmpint (action, !=, KW_USER_ACTION_EDIT_CODE);
                  g_assert_cmpint (action, !=, KW_USER_ACTION_EDIT_PASSWORD);
                }
            }
        }
    }

  g_assert_cmpuint (n_signed_only, ==, 4);
  g_type_class_unref (codes);
}

typedef struct
{
  KwCognitoOperation  operation;
  KwCognitoError      code;
  Conn                conn;
  const char         *service_text;   /* NULL: SERVICE_TEXT */
  KwUserAction        action;
  const char         *needle;         /* nullable: in the body, ignoring case */
} RequiredCase;

/* The cases the issue spells out, asserted exactly. */
static const RequiredCase required_cases[] = {
  { CONFIRM, KW_COGNITO_ERROR_CODE_MISMATCH, CONN_PLAIN, NULL,
    KW_USER_ACTION_EDIT_CODE, "not the code" },
  { CONFIRM, KW_COGNITO_ERROR_EXPIRED_CODE, CONN_PLAIN, NULL,
    KW_USER_ACTION_RESEND_CODE, "new code" },
  { FORGOT, KW_COGNITO_ERROR_LIMIT_EXCEEDED, CONN_PLAIN, NULL, KW_USER_ACTION_NONE, "hour" },
  { CONFIRM, KW_COGNITO_ERROR_LIMIT_EXCEEDED, CONN_PLAIN, NULL, KW_USER_ACTION_NONE, "hour" },
  { RESET, KW_COGNITO_ERROR_LIMIT_EXCEEDED, CONN_PROFILE, NULL, KW_USER_ACTION_NONE, "hour" },
  { FORGOT, KW_COGNITO_ERROR_TOO_MANY_REQUESTS, CONN_PLAIN, NULL, KW_USER_ACTION_WAIT, "wait" },
  { LIST, KW_COGNITO_ERROR_TOO_MANY_REQUESTS, CONN_PROFILE, NULL, KW_USER_ACTION_WAIT, "wait" },
  { RESET, KW_COGNITO_ERROR_THROTTLING, CONN_PROFILE, NULL, KW_USER_ACTION_WAIT, "wait" },
  { CONFIRM, KW_COGNITO_ERROR_TOO_MANY_FAILED_ATTEMPTS, CONN_PLAIN, NULL,
    KW_USER_ACTION_NONE, "wrong code" },
  { FORGOT, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_SECRET, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "client secret" },
  { CONFIRM, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_SECRET, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "client secret" },
  { FORGOT, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PLAIN, "User is disabled.",
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "disabled" },
  { FORGOT, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PLAIN,
    "Client testclient is configured for secret but secret was not received",
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "client secret" },
  { FORGOT, KW_COGNITO_ERROR_INVALID_PARAMETER, CONN_PLAIN,
    "Cannot reset password for the user as there is no registered/verified email or "
    "phone_number", KW_USER_ACTION_CONTACT_ADMINISTRATOR, "no verified email address or phone" },
  { CONFIRM, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PLAIN, NULL,
    KW_USER_ACTION_EDIT_PASSWORD, SERVICE_TEXT },
  { CONFIRM, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION, CONN_PLAIN, NULL,
    KW_USER_ACTION_EDIT_PASSWORD, SERVICE_TEXT },
  { SET, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PROFILE, NULL,
    KW_USER_ACTION_EDIT_PASSWORD, SERVICE_TEXT },
  { SET, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION, CONN_PROFILE, NULL,
    KW_USER_ACTION_EDIT_PASSWORD, SERVICE_TEXT },
  { FORGOT, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_PLAIN, NULL,
    KW_USER_ACTION_EDIT_USERNAME, "no account has this username" },
  { GET, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_PROFILE, NULL,
    KW_USER_ACTION_EDIT_USERNAME, "no user with this username" },
  { RESET, KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "access key" },
  { RESET, KW_COGNITO_ERROR_INVALID_SIGNATURE, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "clock" },
  { LIST, KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "secret access key" },
  { GET, KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "without credentials" },
  { SET, KW_COGNITO_ERROR_EXPIRED_TOKEN, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "aws sso login" },
  /* Clock skew has a message of its own, however AWS words it. */
  { RESET, KW_COGNITO_ERROR_INVALID_SIGNATURE, CONN_PROFILE,
    "Signature expired: 20261123T101500Z is now earlier than 20261123T103000Z "
    "(20261123T104500Z - 15 min.)",
    KW_USER_ACTION_RETRY, "automatic date and time" },
  { GET, KW_COGNITO_ERROR_INVALID_SIGNATURE, CONN_KEYRING,
    "Signature not yet current: 20261123T120000Z is still later than 20261123T110500Z",
    KW_USER_ACTION_RETRY, "automatic date and time" },
  { LIST, KW_COGNITO_ERROR_EXPIRED_TOKEN, CONN_ENVIRONMENT,
    "Request has expired due to clock skew",
    KW_USER_ACTION_RETRY, "automatic date and time" },
  /* The permission the credentials lack is named exactly. */
  { RESET, KW_COGNITO_ERROR_ACCESS_DENIED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "“cognito-idp:AdminResetUserPassword”" },
  { GET, KW_COGNITO_ERROR_ACCESS_DENIED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "“cognito-idp:AdminGetUser”" },
  { SET, KW_COGNITO_ERROR_ACCESS_DENIED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "“cognito-idp:AdminSetUserPassword”" },
  { LIST, KW_COGNITO_ERROR_ACCESS_DENIED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "“cognito-idp:ListUsers”" },
  { RESET, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "may not reset passwords" },
  { LIST, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "may not list" },
  { RESET, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PROFILE,
    "User password cannot be reset in the current state.", KW_USER_ACTION_NONE, "disabled" },
  { FORGOT, KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, CONN_PLAIN, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "user pool or app client" },
  { GET, KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, CONN_PROFILE, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "user pool" },
  { CONFIRM, KW_COGNITO_ERROR_USER_NOT_CONFIRMED, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "never confirmed" },
  { FORGOT, KW_COGNITO_ERROR_UNEXPECTED_LAMBDA, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "administrator" },
  { FORGOT, KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "administrator" },
  { CONFIRM, KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, SERVICE_TEXT },
  { FORGOT, KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE, CONN_PLAIN, NULL,
    KW_USER_ACTION_RETRY, "could not be delivered" },
  { FORGOT, KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "text messages" },
  { FORGOT, KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "email" },
  { FORGOT, KW_COGNITO_ERROR_FORBIDDEN, CONN_PLAIN, NULL,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR, "firewall" },
  { CONFIRM, KW_COGNITO_ERROR_INTERNAL_ERROR, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_NETWORK_UNREACHABLE, CONN_PLAIN, NULL,
    KW_USER_ACTION_RETRY, "internet" },
  { FORGOT, KW_COGNITO_ERROR_CONNECTION_REFUSED, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_CONNECTION_RESET, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { CONFIRM, KW_COGNITO_ERROR_CONNECTION_RESET, CONN_PLAIN, NULL,
    KW_USER_ACTION_RETRY, "may or may not have changed" },
  { FORGOT, KW_COGNITO_ERROR_DNS_FAILURE, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_TLS_FAILURE, CONN_PLAIN, NULL,
    KW_USER_ACTION_NONE, "nothing was sent" },
  { FORGOT, KW_COGNITO_ERROR_TIMEOUT, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, "code may still" },
  { CONFIRM, KW_COGNITO_ERROR_TIMEOUT, CONN_PLAIN, NULL,
    KW_USER_ACTION_RETRY, "may or may not have changed" },
  { FORGOT, KW_COGNITO_ERROR_SERVER_ERROR, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_INVALID_RESPONSE, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_RESPONSE_TOO_LARGE, CONN_PLAIN, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "endpoint" },
  { FORGOT, KW_COGNITO_ERROR_UNKNOWN_ERROR, CONN_PLAIN, NULL, KW_USER_ACTION_RETRY, NULL },
  { FORGOT, KW_COGNITO_ERROR_INSECURE_ENDPOINT, CONN_PLAIN, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "nothing was sent" },
  { RESET, KW_COGNITO_ERROR_NO_CREDENTIALS, CONN_KEYRING, NULL,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS, "nothing was sent" },
};

static void
test_required_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_cases); i++)
    {
      const RequiredCase *c = &required_cases[i];
      const char *text = c->service_text != NULL ? c->service_text : SERVICE_TEXT;
      g_autoptr(KwConnection) connection = make_connection (c->conn);
      g_autoptr(GError) error = make_error (c->code, text);
      g_autoptr(KwUserMessage) message = NULL;

      describe (error, c->operation, c->conn);
      message = kw_user_message_new_for_error (error, c->operation, connection);
      check_message (message, error);
      g_assert_cmpint (kw_user_message_get_action (message), ==, c->action);
      if (c->needle != NULL)
        g_assert_true (contains_nocase (kw_user_message_get_body (message), c->needle));
    }
}

/* What the service says when it does tell, so the test also catches a body
 * that quotes it. */
static const char *
revealing_text (KwCognitoError code)
{
  switch (code)
    {
    case KW_COGNITO_ERROR_USER_NOT_FOUND:
      return "Username/client id combination not found.";
    case KW_COGNITO_ERROR_NOT_AUTHORIZED:
      return "User is disabled.";
    case KW_COGNITO_ERROR_INVALID_PARAMETER:
      return "Cannot reset password for the user as there is no registered/verified email or "
             "phone_number";
    case KW_COGNITO_ERROR_INVALID_PASSWORD:
      return "Password did not conform with policy: Password not long enough";
    case KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION:
      return "Password has previously been used";
    case KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION:
      return "PreSignUp failed with error Try again tomorrow.";
    default:
      return "User does not exist.";
    }
}

/* Where the pool hides whether users exist, no self-service message may
 * say or hint that an account exists or not. */
static void
test_hidden_existence (void)
{
  static const char * const revealing[] = {
    "no account", "does not exist", "not found", "disabled", "unknown username",
    "no such user", "no user", "never confirmed", "not confirmed", "not exist",
  };
  static const KwCognitoOperation self_service[] = { FORGOT, CONFIRM };
  static const Conn hidden[] = { CONN_HIDDEN, CONN_HIDDEN_SECRET };

  for (guint o = 0; o < G_N_ELEMENTS (self_service); o++)
    for (KwCognitoError code = 0; code <= KW_COGNITO_ERROR_NO_CREDENTIALS; code++)
      for (guint h = 0; h < G_N_ELEMENTS (hidden); h++)
        {
          g_autoptr(KwUserMessage) message = NULL;
          g_autoptr(GError) error = make_error (code, revealing_text (code));
          g_autoptr(KwConnection) connection = make_connection (hidden[h]);

          if (!kw_cognito_operation_can_return (self_service[o], code))
            continue;

          describe (error, self_service[o], hidden[h]);
          message = kw_user_message_new_for_error (error, self_service[o], connection);
          check_message (message, error);

          for (guint r = 0; r < G_N_ELEMENTS (revealing); r++)
            {
              g_assert_false (contains_nocase (kw_user_message_get_title (message), revealing[r]));
              g_assert_false (contains_nocase (kw_user_message_get_body (message), revealing[r]));
            }
        }
}

/* The neutral wording, and the plain wording it replaces, so that ignoring
 * the setting fails here. */
static void
test_hidden_wording (void)
{
  static const struct {
    KwCognitoOperation  operation;
    KwCognitoError      code;
    Conn                conn;
    const char         *prefix;
  } cases[] = {
    { FORGOT, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_HIDDEN,
      "If an account with this username exists" },
    { CONFIRM, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_HIDDEN,
      "If an account with this username exists" },
    { FORGOT, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_HIDDEN,
      "If an account with this username exists" },
    { CONFIRM, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_HIDDEN,
      "If an account with this username exists" },
    { FORGOT, KW_COGNITO_ERROR_INVALID_PARAMETER, CONN_HIDDEN,
      "If an account with this username exists" },
    { CONFIRM, KW_COGNITO_ERROR_CODE_MISMATCH, CONN_HIDDEN, "The code is wrong or has expired" },
    { FORGOT, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_PLAIN, "No account has this username" },
    { CONFIRM, KW_COGNITO_ERROR_CODE_MISMATCH, CONN_PLAIN, "This is not the code" },
    { FORGOT, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PLAIN, "This account cannot reset" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwUserMessage) message =
        message_for (cases[i].operation, cases[i].code, cases[i].conn, SERVICE_TEXT);

      g_test_message ("case %u", i);
      g_assert_true (g_str_has_prefix (kw_user_message_get_body (message), cases[i].prefix));
    }

  /* The helpdesk's IAM calls name no app client, so the setting hides
   * nothing from them. */
  {
    g_autoptr(KwUserMessage) message =
      message_for (GET, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_HIDDEN, SERVICE_TEXT);

    g_assert_true (contains_nocase (kw_user_message_get_body (message), "no user"));
  }
}

/* A client secret is the usual reason for NotAuthorized in self-service. */
static void
test_client_secret (void)
{
  static const char * const secret_texts[] = {
    "Unable to verify secret hash for client testclient",
    "SecretHash does not match for the client: testclient",
    "Client testclient is configured for secret but secret was not received",
  };

  for (KwCognitoOperation operation = FORGOT; operation <= CONFIRM; operation++)
    {
      g_autoptr(KwUserMessage) with_secret =
        message_for (operation, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_SECRET, "User is disabled.");
      g_autoptr(KwUserMessage) hidden_with_secret =
        message_for (operation, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_HIDDEN_SECRET, NULL);
      g_autoptr(KwUserMessage) plain =
        message_for (operation, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PLAIN, "User is disabled.");

      g_assert_cmpint (kw_user_message_get_action (with_secret), ==,
                       KW_USER_ACTION_OPEN_CONNECTION_SETTINGS);
      g_assert_cmpstr (kw_user_message_get_title (with_secret), ==, "Client secret not accepted");
      g_assert_cmpstr (kw_user_message_get_title (hidden_with_secret), ==,
                       "Client secret not accepted");
      g_assert_cmpint (kw_user_message_get_action (plain), ==,
                       KW_USER_ACTION_CONTACT_ADMINISTRATOR);
      g_assert_false (contains_nocase (kw_user_message_get_body (plain), "secret"));

      /* A connection that does not know its client has a secret. */
      for (guint i = 0; i < G_N_ELEMENTS (secret_texts); i++)
        {
          g_autoptr(KwUserMessage) missing =
            message_for (operation, KW_COGNITO_ERROR_NOT_AUTHORIZED, CONN_PLAIN, secret_texts[i]);

          g_assert_cmpint (kw_user_message_get_action (missing), ==,
                           KW_USER_ACTION_OPEN_CONNECTION_SETTINGS);
          g_assert_cmpstr (kw_user_message_get_title (missing), ==, "Client secret needed");
        }
    }
}

/* The service's reason is quoted cleanly, and left out when there is none. */
static void
test_service_reason (void)
{
  g_autoptr(KwUserMessage) policy =
    message_for (CONFIRM, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PLAIN,
                 "Password did not conform with policy: Password must have uppercase characters");
  g_autoptr(KwUserMessage) lambda =
    message_for (FORGOT, KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION, CONN_PLAIN,
                 "PreSignUp failed with error Contractors reset passwords at the IT desk.");
  g_autoptr(KwUserMessage) unknown =
    message_for (CONFIRM, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PLAIN, "Unknown");
  g_autoptr(KwUserMessage) empty =
    message_for (CONFIRM, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION, CONN_PLAIN, "");
  g_autofree char *long_text = g_strnfill (2000, 'x');
  g_autoptr(KwUserMessage) lengthy =
    message_for (CONFIRM, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PLAIN, long_text);
  g_autoptr(GError) policy_error = NULL;

  g_assert_cmpstr (kw_user_message_get_body (policy), ==,
                   "The new password does not meet the password rules of this service "
                   "(“Password must have uppercase characters”). Choose another password.");
  g_assert_cmpstr (kw_user_message_get_body (lambda), ==,
                   "The service’s own rules refused the request: “PreSignUp failed with error "
                   "Contractors reset passwords at the IT desk”. If you need help, contact the "
                   "administrator of the service.");
  g_assert_cmpstr (kw_user_message_get_body (unknown), ==,
                   "The new password does not meet the password rules of this service. "
                   "Choose another password.");
  g_assert_null (strstr (kw_user_message_get_body (empty), "“"));
  g_assert_cmpuint (g_utf8_strlen (kw_user_message_get_body (lengthy), -1), <, 500);
  g_assert_nonnull (strstr (kw_user_message_get_body (lengthy), "x…”"));

  /* The details keep the whole text. */
  policy_error = make_error (KW_COGNITO_ERROR_INVALID_PASSWORD, long_text);
  {
    g_autoptr(KwUserMessage) message = kw_user_message_new_for_error (policy_error, CONFIRM, NULL);
    g_autofree char *details = kw_user_message_dup_details (message);

    g_assert_nonnull (strstr (details, long_text));
  }
}

static void
test_details (void)
{
  g_autoptr(GError) full =
    kw_cognito_error_new_full (KW_COGNITO_ERROR_CODE_MISMATCH, "CodeMismatchException", 400,
                               REQUEST_ID, "Invalid verification code provided, please try again.");
  g_autoptr(GError) timeout =
    kw_cognito_error_new_full (KW_COGNITO_ERROR_TIMEOUT, NULL, 0, NULL,
                               "No answer within 30 seconds");
  g_autoptr(GError) local = kw_cognito_error_new_invalid_field ("Username", "it is too long");
  g_autoptr(GError) keyring = g_error_new_literal (KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED,
                                                   "The collection is locked");
  g_autoptr(GError) config = g_error_new_literal (KW_AWS_CONFIG_ERROR,
                                                  KW_AWS_CONFIG_ERROR_NO_REGION, "");
  g_autoptr(KwUserMessage) full_message = kw_user_message_new_for_error (full, CONFIRM, NULL);
  g_autoptr(KwUserMessage) timeout_message = kw_user_message_new_for_error (timeout, FORGOT, NULL);
  g_autoptr(KwUserMessage) local_message = kw_user_message_new_for_error (local, FORGOT, NULL);
  g_autoptr(KwUserMessage) keyring_message = kw_user_message_new_for_error (keyring, FORGOT, NULL);
  g_autoptr(KwUserMessage) config_message = kw_user_message_new_for_error (config, RESET, NULL);
  g_autofree char *full_details = kw_user_message_dup_details (full_message);
  g_autofree char *timeout_details = kw_user_message_dup_details (timeout_message);
  g_autofree char *local_details = kw_user_message_dup_details (local_message);
  g_autofree char *keyring_details = kw_user_message_dup_details (keyring_message);
  g_autofree char *config_details = kw_user_message_dup_details (config_message);
  g_autofree char *name_prop = NULL;
  g_autofree char *request_id_prop = NULL;

  g_assert_cmpstr (full_details, ==,
                   "Error: CodeMismatchException\n"
                   "Operation: ConfirmForgotPassword\n"
                   "Request ID: " REQUEST_ID "\n"
                   "HTTP status: 400\n"
                   "Service message: Invalid verification code provided, please try again.");
  g_object_get (full_message, "error-name", &name_prop, "request-id", &request_id_prop, NULL);
  g_assert_cmpstr (name_prop, ==, "CodeMismatchException");
  g_assert_cmpstr (request_id_prop, ==, REQUEST_ID);

  /* No answer: no request id, no status, and the text is not the service's. */
  g_assert_cmpstr (timeout_details, ==,
                   "Error: KW_COGNITO_ERROR_TIMEOUT\n"
                   "Operation: ForgotPassword\n"
                   "Message: No answer within 30 seconds");
  g_assert_null (kw_user_message_get_request_id (timeout_message));

  g_assert_cmpstr (local_details, ==,
                   "Error: KW_COGNITO_ERROR_INVALID_PARAMETER\n"
                   "Operation: ForgotPassword\n"
                   "Field: Username\n"
                   "Message: Invalid Username: it is too long");

  g_assert_cmpstr (keyring_details, ==,
                   "Error: KW_SECRET_ERROR_LOCKED\n"
                   "Message: The collection is locked");
  g_assert_cmpstr (config_details, ==, "Error: KW_AWS_CONFIG_ERROR_NO_REGION");
}

/* A request member found wrong before sending leads back to that field. */
static void
test_local_fields (void)
{
  static const struct {
    KwCognitoOperation  operation;
    const char         *field;
    KwUserAction        action;
  } cases[] = {
    { FORGOT, "Username", KW_USER_ACTION_EDIT_USERNAME },
    { CONFIRM, "ConfirmationCode", KW_USER_ACTION_EDIT_CODE },
    { CONFIRM, "Password", KW_USER_ACTION_EDIT_PASSWORD },
    { SET, "Password", KW_USER_ACTION_EDIT_PASSWORD },
    { FORGOT, "ClientId", KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { RESET, "UserPoolId", KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { LIST, "Filter", KW_USER_ACTION_NONE },
    /* A member no entry names falls back to the operation's own text. */
    { RESET, "ClientMetadata", KW_USER_ACTION_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = kw_cognito_error_new_invalid_field (cases[i].field, "too long");
      g_autoptr(KwUserMessage) message = NULL;

      describe (error, cases[i].operation, CONN_NONE);
      message = kw_user_message_new_for_error (error, cases[i].operation, NULL);
      check_message (message, error);
      g_assert_cmpint (kw_user_message_get_action (message), ==, cases[i].action);
    }
}

/* A helpdesk connection's credentials source decides what to fix. */
static void
test_credentials_source (void)
{
  static const struct {
    Conn        conn;
    const char *needle;
  } cases[] = {
    { CONN_PROFILE, "profile" },
    { CONN_ENVIRONMENT, "environment" },
    { CONN_KEYRING, "keyring" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwConnection) connection = make_connection (cases[i].conn);
      g_autoptr(GError) missing = g_error_new_literal (KW_CONNECTION_ERROR,
                                                       KW_CONNECTION_ERROR_CREDENTIALS_MISSING,
                                                       "No credentials");
      g_autoptr(GError) none = make_error (KW_COGNITO_ERROR_NO_CREDENTIALS, "No credentials");
      g_autoptr(KwUserMessage) missing_message =
        kw_user_message_new_for_error (missing, RESET, connection);
      g_autoptr(KwUserMessage) none_message =
        kw_user_message_new_for_error (none, RESET, connection);

      g_test_message ("%s", conn_names[cases[i].conn]);
      check_message (missing_message, missing);
      check_message (none_message, none);
      g_assert_true (contains_nocase (kw_user_message_get_body (missing_message),
                                      cases[i].needle));
      g_assert_true (contains_nocase (kw_user_message_get_body (none_message), cases[i].needle));
      g_assert_cmpint (kw_user_message_get_action (none_message), ==,
                       KW_USER_ACTION_OPEN_CONNECTION_SETTINGS);
    }
}

/* The keyring, connections, the AWS configuration and the recovery flow's
 * own refusals: each code has its own text. */
static void
test_other_domains (void)
{
  static const struct {
    GType  (*enum_type) (void);
    GQuark (*domain)    (void);
  } with_types[] = {
    { kw_secret_error_get_type, kw_secret_error_quark },
    { kw_connection_error_get_type, kw_connection_error_quark },
    { kw_recovery_error_get_type, kw_recovery_error_quark },
  };
  const struct {
    GQuark       domain;
    int          code;
    KwUserAction action;
  } cases[] = {
    { KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE, KW_USER_ACTION_RETRY },
    { KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED, KW_USER_ACTION_RETRY },
    { KW_SECRET_ERROR, KW_SECRET_ERROR_MALFORMED, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING,
      KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING,
      KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND,
      KW_USER_ACTION_OPEN_CONNECTION_SETTINGS },
    { KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_NO_USERNAME, KW_USER_ACTION_EDIT_USERNAME },
    { KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE, KW_USER_ACTION_RESEND_CODE },
    { KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_COOLDOWN, KW_USER_ACTION_NONE },
  };

  for (guint d = 0; d < G_N_ELEMENTS (with_types); d++)
    {
      GEnumClass *codes = g_type_class_ref (with_types[d].enum_type ());

      for (guint i = 0; i < codes->n_values; i++)
        for (Conn conn = CONN_NONE; conn <= CONN_SECRET; conn++)
          {
            g_autoptr(KwConnection) connection = make_connection (conn);
            g_autoptr(GError) error = g_error_new_literal (with_types[d].domain (),
                                                           codes->values[i].value, SERVICE_TEXT);
            g_autoptr(KwUserMessage) message = NULL;

            describe (error, FORGOT, conn);
            message = kw_user_message_new_for_error (error, FORGOT, connection);
            check_message (message, error);
            g_assert_cmpstr (kw_user_message_get_error_name (message), ==,
                             codes->values[i].value_name);
            g_assert_null (strstr (kw_user_message_get_body (message), SERVICE_TEXT));
          }

      g_type_class_unref (codes);
    }

  for (int code = KW_AWS_CONFIG_ERROR_PARSE; code <= KW_AWS_CONFIG_ERROR_READ; code++)
    {
      g_autoptr(GError) error = g_error_new_literal (KW_AWS_CONFIG_ERROR, code, SERVICE_TEXT);
      g_autoptr(KwUserMessage) message = NULL;

      describe (error, RESET, CONN_PROFILE);
      message = kw_user_message_new_for_error (error, RESET, NULL);
      check_message (message, error);
      g_assert_true (g_str_has_prefix (kw_user_message_get_error_name (message),
                                       "KW_AWS_CONFIG_ERROR_"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "");
      g_autoptr(KwUserMessage) message = kw_user_message_new_for_error (error, FORGOT, NULL);

      describe (error, FORGOT, CONN_NONE);
      g_assert_cmpint (kw_user_message_get_action (message), ==, cases[i].action);
    }
}

/* Cancelling is not a failure worth a generic apology; only errors no table
 * knows are generic. */
static void
test_cancelled_and_generic (void)
{
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Operation was cancelled");
  g_autoptr(GError) io_failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Boom");
  g_autoptr(GError) foreign = g_error_new_literal (g_quark_from_static_string ("test-domain"), 3,
                                                   "Odd");
  g_autoptr(GError) beyond = kw_cognito_error_new_full (KW_COGNITO_ERROR_NO_CREDENTIALS + 1,
                                                        NULL, 0, NULL, "From the future");
  g_autoptr(KwUserMessage) quiet = kw_user_message_new_for_error (cancelled, CONFIRM, NULL);
  const GError *unknown[] = { io_failed, foreign, beyond };

  check_message (quiet, cancelled);
  g_assert_cmpstr (kw_user_message_get_title (quiet), ==, "Cancelled");
  g_assert_cmpint (kw_user_message_get_action (quiet), ==, KW_USER_ACTION_NONE);
  g_assert_null (kw_user_message_get_action_label (quiet));
  g_assert_cmpstr (kw_user_message_get_error_name (quiet), ==, "G_IO_ERROR_CANCELLED");

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(KwUserMessage) message = kw_user_message_new_for_error (unknown[i], FORGOT, NULL);
      g_autofree char *details = kw_user_message_dup_details (message);
      gboolean generic = FALSE;

      g_assert_true (kw_user_message_get_generic (message));
      g_object_get (message, "generic", &generic, NULL);
      g_assert_true (generic);
      g_assert_cmpstr (kw_user_message_get_title (message), ==, "Something went wrong");
      g_assert_true (g_str_has_suffix (kw_user_message_get_body (message), "."));
      g_assert_nonnull (strstr (details, unknown[i]->message));
    }

  {
    g_autoptr(KwUserMessage) message = kw_user_message_new_for_error (foreign, FORGOT, NULL);

    g_assert_cmpstr (kw_user_message_get_error_name (message), ==, "test-domain 3");
  }
}

static void
test_action_labels (void)
{
  static const struct {
    KwCognitoOperation  operation;
    KwCognitoError      code;
    Conn                conn;
    const char         *label;
  } cases[] = {
    { FORGOT, KW_COGNITO_ERROR_NETWORK_UNREACHABLE, CONN_PLAIN, "Try Again" },
    { CONFIRM, KW_COGNITO_ERROR_EXPIRED_CODE, CONN_PLAIN, "Send a New Code" },
    { FORGOT, KW_COGNITO_ERROR_USER_NOT_FOUND, CONN_PLAIN, "Change Username" },
    { CONFIRM, KW_COGNITO_ERROR_CODE_MISMATCH, CONN_PLAIN, "Change Code" },
    { CONFIRM, KW_COGNITO_ERROR_INVALID_PASSWORD, CONN_PLAIN, "Choose Another Password" },
    { FORGOT, KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, CONN_PLAIN, "Connection Settings" },
    { FORGOT, KW_COGNITO_ERROR_TOO_MANY_REQUESTS, CONN_PLAIN, "Try Again" },
    { CONFIRM, KW_COGNITO_ERROR_USER_NOT_CONFIRMED, CONN_PLAIN, "Copy Details" },
    { FORGOT, KW_COGNITO_ERROR_LIMIT_EXCEEDED, CONN_PLAIN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwUserMessage) message =
        message_for (cases[i].operation, cases[i].code, cases[i].conn, SERVICE_TEXT);

      g_test_message ("case %u", i);
      g_assert_cmpstr (kw_user_message_get_action_label (message), ==, cases[i].label);
    }
}

/* Throttling asks for a short wait, not an hour and not zero. */
static void
test_wait_until (void)
{
  g_autoptr(KwUserMessage) message =
    message_for (FORGOT, KW_COGNITO_ERROR_TOO_MANY_REQUESTS, CONN_PLAIN, "Rate exceeded");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan ahead = g_date_time_difference (kw_user_message_get_wait_until (message), now);

  g_assert_cmpint (kw_user_message_get_action (message), ==, KW_USER_ACTION_WAIT);
  g_assert_cmpint (ahead, >=, 10 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (ahead, <=, 120 * G_TIME_SPAN_SECOND);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/user-message/every-code", test_every_code);
  g_test_add_func ("/keyway/user-message/required-cases", test_required_cases);
  g_test_add_func ("/keyway/user-message/hidden-existence", test_hidden_existence);
  g_test_add_func ("/keyway/user-message/hidden-wording", test_hidden_wording);
  g_test_add_func ("/keyway/user-message/client-secret", test_client_secret);
  g_test_add_func ("/keyway/user-message/service-reason", test_service_reason);
  g_test_add_func ("/keyway/user-message/details", test_details);
  g_test_add_func ("/keyway/user-message/local-fields", test_local_fields);
  g_test_add_func ("/keyway/user-message/credentials-source", test_credentials_source);
  g_test_add_func ("/keyway/user-message/other-domains", test_other_domains);
  g_test_add_func ("/keyway/user-message/cancelled-and-generic", test_cancelled_and_generic);
  g_test_add_func ("/keyway/user-message/action-labels", test_action_labels);
  g_test_add_func ("/keyway/user-message/wait-until", test_wait_until);

  return g_test_run ();
}
