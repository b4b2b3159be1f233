/* kw-user-message.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-user-message.h"

#include "kw-aws-config.h"
#include "kw-core-enums.h"
#include "kw-recovery-flow.h"
#include "kw-secret-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The texts, as data; it needs the headers above. */
#include "kw-user-message-table.h"

/* Throttling clears within seconds; half a minute keeps a person from
 * hammering the button without making them wait long. */
#define WAIT_SECONDS 30

/* A reason longer than this is no longer a reason but a dump. */
#define MAX_REASON_CHARS 300

struct _KwUserMessage
{
  GObject       parent_instance;

  char         *title;
  char         *body;
  KwUserAction  action;
  GDateTime    *wait_until;
  gboolean      generic;

  /* The details */
  char         *error_name;
  char         *request_id;
  guint         http_status;
  char         *operation_name;
  char         *field;
  char         *message;
  gboolean      from_service;
};

G_DEFINE_FINAL_TYPE (KwUserMessage, kw_user_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BODY,
  PROP_ACTION,
  PROP_ACTION_LABEL,
  PROP_WAIT_UNTIL,
  PROP_ERROR_NAME,
  PROP_REQUEST_ID,
  PROP_GENERIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GQuark       (*domain)    (void);
  GType        (*enum_type) (void);
  const Entry   *entries;
  gsize          n_entries;
} Domain;

static const Domain domains[] = {
  { kw_cognito_error_quark, kw_cognito_error_get_type,
    cognito_entries, G_N_ELEMENTS (cognito_entries) },
  { kw_secret_error_quark, kw_secret_error_get_type,
    secret_entries, G_N_ELEMENTS (secret_entries) },
  { kw_connection_error_quark, kw_connection_error_get_type,
    connection_entries, G_N_ELEMENTS (connection_entries) },
  { kw_aws_config_error_quark, NULL,
    aws_config_entries, G_N_ELEMENTS (aws_config_entries) },
  { kw_recovery_error_quark, kw_recovery_error_get_type,
    recovery_entries, G_N_ELEMENTS (recovery_entries) },
  { g_io_error_quark, g_io_error_enum_get_type,
    io_entries, G_N_ELEMENTS (io_entries) },
};

/* KwAwsConfigError has no GType; its codes are named here for the details. */
static const char * const aws_config_error_names[] = {
  "KW_AWS_CONFIG_ERROR_PARSE",
  "KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND",
  "KW_AWS_CONFIG_ERROR_INCOMPLETE",
  "KW_AWS_CONFIG_ERROR_UNSUPPORTED",
  "KW_AWS_CONFIG_ERROR_NO_REGION",
  "KW_AWS_CONFIG_ERROR_INVALID_REGION",
  "KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT",
  "KW_AWS_CONFIG_ERROR_READ",
};

G_STATIC_ASSERT (G_N_ELEMENTS (aws_config_error_names) == KW_AWS_CONFIG_ERROR_READ + 1);

static const char *
action_label (KwUserAction action)
{
  switch (action)
    {
    case KW_USER_ACTION_RETRY:
      return _("Try Again");
    case KW_USER_ACTION_RESEND_CODE:
      return _("Send a New Code");
    case KW_USER_ACTION_EDIT_USERNAME:
      return _("Change Username");
    case KW_USER_ACTION_EDIT_CODE:
      return _("Change Code");
    case KW_USER_ACTION_EDIT_PASSWORD:
      return _("Choose Another Password");
    case KW_USER_ACTION_OPEN_CONNECTION_SETTINGS:
      return _("Connection Settings");
    case KW_USER_ACTION_WAIT:
      /* Offered once the wait is over. */
      return _("Try Again");
    case KW_USER_ACTION_CONTACT_ADMINISTRATOR:
      /* Translators: a button that copies the technical details of a
       * failure. Keyway cannot reach the administrator, but the details
       * are what the person can send them. */
      return _("Copy Details");
    case KW_USER_ACTION_NONE:
    default:
      return NULL;
    }
}

static void
kw_user_message_finalize (GObject *object)
{
  KwUserMessage *self = (KwUserMessage *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->wait_until, g_date_time_unref);
  g_clear_pointer (&self->error_name, g_free);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->operation_name, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (kw_user_message_parent_class)->finalize (object);
}

static void
kw_user_message_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KwUserMessage *self = KW_USER_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;

    case PROP_ACTION_LABEL:
      g_value_set_string (value, action_label (self->action));
      break;

    case PROP_WAIT_UNTIL:
      g_value_set_boxed (value, self->wait_until);
      break;

    case PROP_ERROR_NAME:
      g_value_set_string (value, self->error_name);
      break;

    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;

    case PROP_GENERIC:
      g_value_set_boolean (value, self->generic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_user_message_class_init (KwUserMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_user_message_finalize;
  object_class->get_property = kw_user_message_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL,
                       KW_TYPE_USER_ACTION,
                       KW_USER_ACTION_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION_LABEL] =
    g_param_spec_string ("action-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WAIT_UNTIL] =
    g_param_spec_boxed ("wait-until", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR_NAME] =
    g_param_spec_string ("error-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_GENERIC] =
    g_param_spec_boolean ("generic", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_user_message_init (KwUserMessage *self)
{
  self->action = KW_USER_ACTION_NONE;
}

static const Domain *
find_domain (GQuark domain)
{
  for (gsize i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      if (domains[i].domain () == domain)
        return &domains[i];
    }

  return NULL;
}

static gboolean
mentions (const char *message,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (message == NULL)
    return FALSE;

  folded = g_ascii_strdown (message, -1);

  return strstr (folded, needle) != NULL;
}

static guint
conditions_for (const GError       *error,
                KwCognitoOperation  operation,
                KwConnection       *connection)
{
  guint conditions = 0;

  if (mentions (error->message, "secret"))
    conditions |= COND_SECRET_HINT;
  if (mentions (error->message, "disabled") || mentions (error->message, "current state"))
    conditions |= COND_USER_STATE_HINT;
  if ((error->domain == KW_COGNITO_ERROR &&
       g_strcmp0 (kw_cognito_error_get_name (error), "RequestExpired") == 0) ||
      mentions (error->message, "signature expired") ||
      mentions (error->message, "signature not yet current") ||
      mentions (error->message, "clock skew"))
    conditions |= COND_CLOCK_HINT;

  if (connection == NULL)
    return conditions;

  /* The setting belongs to the app client, so it hides nothing from the
   * helpdesk's IAM calls, which name no client. */
  if (kw_connection_get_prevent_user_existence_errors (connection) &&
      !kw_cognito_operation_is_signed (operation))
    conditions |= COND_HIDDEN;
  if (kw_connection_get_has_client_secret (connection))
    conditions |= COND_SECRET;

  switch (kw_connection_get_credentials_source (connection))
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      conditions |= COND_PROFILE;
      break;
    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      conditions |= COND_ENVIRONMENT;
      break;
    case KW_CREDENTIALS_SOURCE_KEYRING:
      conditions |= COND_KEYRING;
      break;
    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      break;
    }

  return conditions;
}

static gboolean
field_in (const char *fields,
          const char *field)
{
  g_auto(GStrv) names = NULL;

  if (field == NULL)
    return FALSE;

  names = g_strsplit (fields, " ", -1);

  return g_strv_contains ((const char * const *) names, field);
}

static const Entry *
find_entry (const Domain       *domain,
            const GError       *error,
            KwCognitoOperation  operation,
            guint               conditions)
{
  const char *field = NULL;

  if (error->code < 0 || error->code >= 64)
    return NULL;

  if (error->domain == KW_COGNITO_ERROR)
    field = kw_cognito_error_get_field (error);

  for (gsize i = 0; i < domain->n_entries; i++)
    {
      const Entry *entry = &domain->entries[i];

      if ((entry->codes & CODE (error->code)) == 0)
        continue;
      if (entry->operations != ANY_OPERATION && (entry->operations & OP (operation)) == 0)
        continue;
      if ((entry->conditions & conditions) != entry->conditions)
        continue;
      if (entry->fields != NULL && !field_in (entry->fields, field))
        continue;

      return entry;
    }

  return NULL;
}

/* The service's own explanation, fit to quote in a sentence: Cognito puts
 * the password rule that failed, or the words a pool owner's trigger wrote
 * for its users, in the error's message. */
static char *
service_reason (const GError *error)
{
  static const char * const prefixes[] = {
    "Password did not conform with policy:",
    "Password does not conform to policy:",
  };
  g_autofree char *reason = NULL;
  char *start;
  gsize length;

  if (error->domain != KW_COGNITO_ERROR || error->message == NULL)
    return NULL;

  reason = g_strstrip (g_strdup (error->message));

  /* What the error parser puts there when the service sent no message. */
  if (*reason == '\0' || strcmp (reason, "Unknown") == 0)
    return NULL;

  start = reason;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_has_prefix (start, prefixes[i]) && start[strlen (prefixes[i])] != '\0')
        {
          start = g_strchug (start + strlen (prefixes[i]));
          break;
        }
    }

  /* The sentence around the quote ends it. */
  length = strlen (start);
  while (length > 0 && (start[length - 1] == '.' || g_ascii_isspace (start[length - 1])))
    start[--length] = '\0';

  if (length == 0)
    return NULL;

  if (g_utf8_strlen (start, -1) > MAX_REASON_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (start, 0, MAX_REASON_CHARS);

      return g_strconcat (cut, "…", NULL);
    }

  return g_strdup (start);
}

static char *
error_name_for (const Domain *domain,
                const GError *error)
{
  if (error->domain == KW_COGNITO_ERROR && kw_cognito_error_get_name (error) != NULL)
    return g_strdup (kw_cognito_error_get_name (error));

  if (domain != NULL && domain->enum_type != NULL)
    {
      GEnumClass *enum_class = g_type_class_ref (domain->enum_type ());
      GEnumValue *value = g_enum_get_value (enum_class, error->code);
      char *name = value != NULL ? g_strdup (value->value_name) : NULL;

      g_type_class_unref (enum_class);
      if (name != NULL)
        return name;
    }

  if (error->domain == KW_AWS_CONFIG_ERROR &&
      error->code >= 0 && error->code < (int) G_N_ELEMENTS (aws_config_error_names))
    return g_strdup (aws_config_error_names[error->code]);

  return g_strdup_printf ("%s %d", g_quark_to_string (error->domain), error->code);
}

static void
set_details (KwUserMessage      *self,
             const Domain       *domain,
             const GError       *error,
             KwCognitoOperation  operation)
{
  self->error_name = error_name_for (domain, error);
  if (error->message != NULL && *error->message != '\0')
    self->message = g_strdup (error->message);

  if (error->domain != KW_COGNITO_ERROR)
    return;

  self->request_id = g_strdup (kw_cognito_error_get_request_id (error));
  self->http_status = kw_cognito_error_get_http_status (error);
  self->operation_name = g_strdup (kw_cognito_operation_get_name (operation));
  self->field = g_strdup (kw_cognito_error_get_field (error));
  self->from_service = kw_cognito_error_get_name (error) != NULL;
}

/* Puts @value where a translated text has its "%s". Not printf: the
 * template is data, and a translation that lost its placeholder must not
 * read past the arguments. */
static char *
fill_placeholder (const char *template,
                  const char *value)
{
  const char *at = strstr (template, "%s");

  if (at == NULL)
    return g_strdup (template);

  return g_strdup_printf ("%.*s%s%s", (int) (at - template), template, value, at + 2);
}

static void
set_text (KwUserMessage      *self,
          const Entry        *entry,
          const GError       *error,
          KwCognitoOperation  operation)
{
  g_autofree char *reason = NULL;

  self->title = g_strdup (_(entry->title));
  self->action = entry->action;

  if (entry->reason_body != NULL)
    reason = service_reason (error);

  if (reason != NULL)
    {
      self->body = fill_placeholder (_(entry->reason_body), reason);
    }
  else if (entry->placeholder == PLACEHOLDER_PERMISSION)
    {
      g_autofree char *permission =
        g_strconcat ("cognito-idp:", kw_cognito_operation_get_name (operation), NULL);

      self->body = fill_placeholder (_(entry->body), permission);
    }
  else
    {
      self->body = g_strdup (_(entry->body));
    }

  if (self->action == KW_USER_ACTION_WAIT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->wait_until = g_date_time_add_seconds (now, WAIT_SECONDS);
    }
}

/**
 * kw_user_message_new_for_error:
 * @error: the failure
 * @operation: the operation that failed, or the one the person was about to
 *   run when a local step (the keyring, a connection file) failed
 * @connection: (nullable): the connection it ran on
 *
 * Turns a failure into what the person sees. See kw-user-message.h.
 *
 * Returns: (transfer full): the message
 */
KwUserMessage *
kw_user_message_new_for_error (const GError       *error,
                               KwCognitoOperation  operation,
                               KwConnection       *connection)
{
  g_autoptr(KwUserMessage) self = NULL;
  const Domain *domain;
  const Entry *entry = NULL;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail ((guint) operation < KW_COGNITO_N_OPERATIONS, NULL);
  g_return_val_if_fail (connection == NULL || KW_IS_CONNECTION (connection), NULL);

  self = g_object_new (KW_TYPE_USER_MESSAGE, NULL);
  domain = find_domain (error->domain);

  set_details (self, domain, error, operation);

  if (domain != NULL)
    entry = find_entry (domain, error, operation, conditions_for (error, operation, connection));

  if (entry != NULL)
    {
      set_text (self, entry, error, operation);
      return g_steal_pointer (&self);
    }

  g_debug ("No message for %s; showing the generic one", self->error_name);

  self->generic = TRUE;
  self->title = g_strdup (_("Something went wrong"));
  self->body = g_strdup (_("Keyway could not finish the request. Try again; if it keeps failing, "
                           "the technical details can help whoever looks after this service."));
  self->action = KW_USER_ACTION_RETRY;

  return g_steal_pointer (&self);
}

const char *
kw_user_message_get_title (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return self->title;
}

const char *
kw_user_message_get_body (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return self->body;
}

KwUserAction
kw_user_message_get_action (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), KW_USER_ACTION_NONE);

  return self->action;
}

/**
 * kw_user_message_get_action_label:
 *
 * Returns: (nullable): a translated button label for the action, or %NULL
 *   for %KW_USER_ACTION_NONE
 */
const char *
kw_user_message_get_action_label (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return action_label (self->action);
}

/**
 * kw_user_message_get_wait_until:
 *
 * Returns: (nullable) (transfer none): when trying again makes sense, for
 *   %KW_USER_ACTION_WAIT
 */
GDateTime *
kw_user_message_get_wait_until (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return self->wait_until;
}

/**
 * kw_user_message_get_error_name:
 *
 * Returns: the error's name: as the service sent it (`CodeMismatchException`),
 *   else the error code's (`KW_COGNITO_ERROR_TIMEOUT`)
 */
const char *
kw_user_message_get_error_name (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return self->error_name;
}

/**
 * kw_user_message_get_request_id:
 *
 * Returns: (nullable): the request id of the service's answer
 */
const char *
kw_user_message_get_request_id (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  return self->request_id;
}

/**
 * kw_user_message_dup_details:
 *
 * The technical details, one "Label: value" line each, for a details
 * expander and for quoting to support. Parts the error does not have are
 * left out. The labels are translated; the values are not.
 *
 * Returns: (transfer full): the details
 */
char *
kw_user_message_dup_details (KwUserMessage *self)
{
  GString *details;

  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), NULL);

  details = g_string_new (NULL);

  /* Translators: a line of technical details; the value is a name such as
   * CodeMismatchException. */
  g_string_append_printf (details, _("Error: %s"), self->error_name);

  if (self->operation_name != NULL)
    {
      g_string_append_c (details, '\n');
      /* Translators: a line of technical details; the value is the name of
       * a service call such as ForgotPassword. */
      g_string_append_printf (details, _("Operation: %s"), self->operation_name);
    }

  if (self->request_id != NULL)
    {
      g_string_append_c (details, '\n');
      /* Translators: a line of technical details; the value is an id that
       * the service's support can look up. */
      g_string_append_printf (details, _("Request ID: %s"), self->request_id);
    }

  if (self->http_status != 0)
    {
      g_string_append_c (details, '\n');
      /* Translators: a line of technical details; the value is a number
       * such as 400. */
      g_string_append_printf (details, _("HTTP status: %u"), self->http_status);
    }

  if (self->field != NULL)
    {
      g_string_append_c (details, '\n');
      /* Translators: a line of technical details; the value is the name of
       * a request field such as Username. */
      g_string_append_printf (details, _("Field: %s"), self->field);
    }

  if (self->message != NULL)
    {
      g_string_append_c (details, '\n');
      if (self->from_service)
        /* Translators: a line of technical details; the value is the
         * service's own English text. */
        g_string_append_printf (details, _("Service message: %s"), self->message);
      else
        /* Translators: a line of technical details; the value is an
         * untranslated English text. */
        g_string_append_printf (details, _("Message: %s"), self->message);
    }

  return g_string_free (details, FALSE);
}

gboolean
kw_user_message_get_generic (KwUserMessage *self)
{
  g_return_val_if_fail (KW_IS_USER_MESSAGE (self), FALSE);

  return self->generic;
}
