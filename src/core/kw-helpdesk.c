/* kw-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk.h"

#include "kw-core-enums.h"
#include "kw-secret-store.h"

#include <string.h>

/* The helpdesk's actions on one pool. Each action that changes a user ends
 * only after its audit line is written (or could not be), so that when the
 * person sees "done" the trail is on disk. An audit failure never hides
 * what happened to the user: the action still reports its own outcome, and
 * the failure goes to the log as a warning. */

#define PHONE_MIN_DIGITS 7
#define PHONE_MAX_DIGITS 15
/* ListUsers pages of a lookup: a filter on email or phone matches a handful
 * of users at most, so this only stops a runaway pagination. */
#define LOOKUP_MAX_PAGES 10
#define LOOKUP_PAGE_SIZE 60

struct _KwHelpdesk
{
  GObject           parent_instance;

  KwCognitoClient  *client;
  char             *user_pool_id;
  KwAuditLog       *audit_log;
  char             *actor;
  KwPasswordPolicy *policy;
};

G_DEFINE_FINAL_TYPE (KwHelpdesk, kw_helpdesk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_USER_POOL_ID,
  PROP_AUDIT_LOG,
  PROP_ACTOR,
  PROP_PASSWORD_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_helpdesk_constructed (GObject *object)
{
  KwHelpdesk *self = KW_HELPDESK (object);

  G_OBJECT_CLASS (kw_helpdesk_parent_class)->constructed (object);

  if (self->policy == NULL)
    self->policy = kw_password_policy_new_default ();
}

static void
kw_helpdesk_dispose (GObject *object)
{
  KwHelpdesk *self = KW_HELPDESK (object);

  g_clear_object (&self->client);
  g_clear_object (&self->audit_log);

  G_OBJECT_CLASS (kw_helpdesk_parent_class)->dispose (object);
}

static void
kw_helpdesk_finalize (GObject *object)
{
  KwHelpdesk *self = KW_HELPDESK (object);

  g_clear_pointer (&self->user_pool_id, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->policy, kw_password_policy_free);

  G_OBJECT_CLASS (kw_helpdesk_parent_class)->finalize (object);
}

static void
kw_helpdesk_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KwHelpdesk *self = KW_HELPDESK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_USER_POOL_ID:
      g_value_set_string (value, self->user_pool_id);
      break;
    case PROP_AUDIT_LOG:
      g_value_set_object (value, self->audit_log);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_PASSWORD_POLICY:
      g_value_set_boxed (value, self->policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KwHelpdesk *self = KW_HELPDESK (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_USER_POOL_ID:
      self->user_pool_id = g_value_dup_string (value);
      break;
    case PROP_AUDIT_LOG:
      self->audit_log = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_string (value);
      break;
    case PROP_PASSWORD_POLICY:
      self->policy = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_class_init (KwHelpdeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_helpdesk_constructed;
  object_class->dispose = kw_helpdesk_dispose;
  object_class->finalize = kw_helpdesk_finalize;
  object_class->get_property = kw_helpdesk_get_property;
  object_class->set_property = kw_helpdesk_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KW_TYPE_COGNITO_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_POOL_ID] =
    g_param_spec_string ("user-pool-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwHelpdesk:audit-log:
   *
   * Where actions that change a user are recorded; %NULL records nothing.
   */
  properties[PROP_AUDIT_LOG] =
    g_param_spec_object ("audit-log", NULL, NULL, KW_TYPE_AUDIT_LOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwHelpdesk:actor:
   *
   * Who acts, as the audit log names them: the access key id or profile.
   */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwHelpdesk:password-policy:
   *
   * The pool's policy, which generated temporary passwords meet; Cognito's
   * default when unset.
   */
  properties[PROP_PASSWORD_POLICY] =
    g_param_spec_boxed ("password-policy", NULL, NULL, KW_TYPE_PASSWORD_POLICY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_helpdesk_init (KwHelpdesk *self)
{
}

/**
 * kw_helpdesk_new:
 * @client: a client with AWS credentials
 * @user_pool_id: the pool
 * @policy: (nullable): the pool's password policy, or %NULL for Cognito's default
 * @audit_log: (nullable): where to record actions, or %NULL for nowhere
 * @actor: (nullable): who acts, as the audit log shows it
 *
 * Returns: (transfer full): a new helpdesk
 */
KwHelpdesk *
kw_helpdesk_new (KwCognitoClient        *client,
                 const char             *user_pool_id,
                 const KwPasswordPolicy *policy,
                 KwAuditLog             *audit_log,
                 const char             *actor)
{
  g_return_val_if_fail (KW_IS_COGNITO_CLIENT (client), NULL);
  g_return_val_if_fail (user_pool_id != NULL, NULL);
  g_return_val_if_fail (audit_log == NULL || KW_IS_AUDIT_LOG (audit_log), NULL);

  return g_object_new (KW_TYPE_HELPDESK,
                       "client", client,
                       "user-pool-id", user_pool_id,
                       "password-policy", policy,
                       "audit-log", audit_log,
                       "actor", actor,
                       NULL);
}

/**
 * kw_helpdesk_get_client:
 *
 * Returns: (transfer none): the client
 */
KwCognitoClient *
kw_helpdesk_get_client (KwHelpdesk *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK (self), NULL);

  return self->client;
}

const char *
kw_helpdesk_get_user_pool_id (KwHelpdesk *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK (self), NULL);

  return self->user_pool_id;
}

/* The digits of a phone number typed with the usual separators, with its
 * +, or NULL when it is not one. */
static char *
normalize_phone (const char *text)
{
  g_autoptr(GString) number = g_string_new ("+");
  guint digits = 0;

  if (*text != '+')
    return NULL;

  for (const char *p = text + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (number, *p);
          digits++;
        }
      else if (strchr (" -.()", *p) == NULL)
        {
          return NULL;
        }
    }

  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS)
    return NULL;

  return g_string_free (g_steal_pointer (&number), FALSE);
}

/* something@something.tld: a non-empty local part, and after the last @ a
 * domain with a dot that has something on both sides. No white space. */
static gboolean
looks_like_email (const char *text)
{
  const char *at = strrchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strpbrk (text, " \t\r\n") != NULL)
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/**
 * kw_helpdesk_classify_query:
 * @query: what the person typed
 *
 * Reads a lookup query, ignoring white space around it: an email address
 * (something@something.tld), a phone number (+ and 7 to 15 digits, with
 * spaces, dashes, dots and parentheses allowed between them), or else a
 * username.
 *
 * Returns: how @query will be looked up
 */
KwLookupKind
kw_helpdesk_classify_query (const char *query)
{
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (query != NULL, KW_LOOKUP_USERNAME);

  text = g_strstrip (g_strdup (query));

  if (looks_like_email (text))
    return KW_LOOKUP_EMAIL;

  phone = normalize_phone (text);
  if (phone != NULL)
    return KW_LOOKUP_PHONE;

  return KW_LOOKUP_USERNAME;
}

/* ListUsers filter values are double-quoted, with \ escaping " and \. */
static char *
filter_for (const char *attribute,
            const char *value)
{
  g_autoptr(GString) filter = g_string_new (attribute);

  g_string_append (filter, " = \"");
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (filter, '\\');
      g_string_append_c (filter, *p);
    }
  g_string_append_c (filter, '"');

  return g_string_free (g_steal_pointer (&filter), FALSE);
}

/**
 * kw_helpdesk_filter_for_query:
 * @query: what the person typed
 *
 * The ListUsers filter for an email (`email = "…"`, as typed, trimmed) or a
 * phone number (`phone_number = "+…"`, separators removed), with quotes and
 * backslashes escaped.
 *
 * Returns: (transfer full) (nullable): the filter, or %NULL for a username
 */
char *
kw_helpdesk_filter_for_query (const char *query)
{
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  text = g_strstrip (g_strdup (query));

  switch (kw_helpdesk_classify_query (text))
    {
    case KW_LOOKUP_EMAIL:
      return filter_for ("email", text);

    case KW_LOOKUP_PHONE:
      phone = normalize_phone (text);
      return filter_for ("phone_number", phone);

    case KW_LOOKUP_USERNAME:
    default:
      return NULL;
    }
}

/* Lookups */

typedef struct
{
  char      *filter;
  GPtrArray *users;
  guint      pages;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_clear_pointer (&data->filter, g_free);
  g_clear_pointer (&data->users, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LookupData, lookup_data_free)

static void
get_user_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) users = NULL;
  GError *error = NULL;
  KwCognitoUser *user;

  user = kw_cognito_client_admin_get_user_finish (KW_COGNITO_CLIENT (object), result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  users = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_cognito_user_free);
  g_ptr_array_add (users, user);
  g_task_return_pointer (task, g_steal_pointer (&users), (GDestroyNotify) g_ptr_array_unref);
}

static void list_users_page (GTask      *task,
                             const char *pagination_token);

static void
list_users_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  g_autofree char *token = NULL;
  GError *error = NULL;

  page = kw_cognito_client_list_users_finish (KW_COGNITO_CLIENT (object), result, &token, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_extend_and_steal (data->users, g_steal_pointer (&page));

  if (token != NULL && data->pages < LOOKUP_MAX_PAGES)
    {
      list_users_page (g_steal_pointer (&task), token);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&data->users), (GDestroyNotify) g_ptr_array_unref);
}

static void
list_users_page (GTask      *task,
                 const char *pagination_token)
{
  KwHelpdesk *self = g_task_get_source_object (task);
  LookupData *data = g_task_get_task_data (task);

  data->pages++;
  kw_cognito_client_list_users_async (self->client, self->user_pool_id, data->filter,
                                      LOOKUP_PAGE_SIZE, pagination_token, NULL,
                                      g_task_get_cancellable (task), list_users_cb, task);
}

/**
 * kw_helpdesk_lookup_async:
 * @self: a #KwHelpdesk
 * @query: a username, email address or phone number
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the users found
 * @user_data: data for @callback
 *
 * Finds users as kw_helpdesk_classify_query() reads @query: AdminGetUser for
 * a username (which also resolves aliases), ListUsers with a filter for an
 * email address or a phone number.
 */
void
kw_helpdesk_lookup_async (KwHelpdesk          *self,
                          const char          *query,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(LookupData) data = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (KW_IS_HELPDESK (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_helpdesk_lookup_async);

  text = g_strstrip (g_strdup (query));
  data = g_new0 (LookupData, 1);
  data->filter = kw_helpdesk_filter_for_query (text);

  if (data->filter == NULL)
    {
      kw_cognito_client_admin_get_user_async (self->client, self->user_pool_id, text,
                                              cancellable, get_user_cb, g_steal_pointer (&task));
      return;
    }

  data->users = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_cognito_user_free);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) lookup_data_free);
  list_users_page (g_steal_pointer (&task), NULL);
}

/**
 * kw_helpdesk_lookup_finish:
 *
 * Returns: (transfer container) (element-type KwCognitoUser): the users
 *   found, empty when a filter matched nobody; %NULL with @error set, a
 *   %KW_COGNITO_ERROR_USER_NOT_FOUND one for an unknown username
 */
GPtrArray *
kw_helpdesk_lookup_finish (KwHelpdesk    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (KW_IS_HELPDESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_helpdesk_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Audited actions */

typedef struct
{
  const char *action;       /* the operation, as the audit log names it */
  char       *username;
  char       *password;     /* the new password; wiped */
  gboolean    return_password; /* a generated one, which the caller gets */
  char       *request_id;
  GError     *error;
} ActionData;

static void
action_data_free (ActionData *data)
{
  g_clear_pointer (&data->username, g_free);
  g_clear_pointer (&data->password, kw_secret_free);
  g_clear_pointer (&data->request_id, g_free);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionData, action_data_free)

/* "Timeout" for KW_COGNITO_ERROR_TIMEOUT: the code's nick in CamelCase, like
 * the service's own names. */
static char *
camel_case_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean upper = TRUE;

  if (enum_value == NULL)
    return g_strdup ("UnknownError");

  for (const char *p = enum_value->value_nick; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          upper = TRUE;
          continue;
        }
      g_string_append_c (name, upper ? g_ascii_toupper (*p) : *p);
      upper = FALSE;
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The outcome column: the service's error name, or a name for what went
 * wrong on the way there. Never the message, which is free text. */
static char *
outcome_for_error (const GError *error)
{
  if (error->domain == KW_COGNITO_ERROR)
    {
      const char *name = kw_cognito_error_get_name (error);

      if (name != NULL)
        return g_strdup (name);
      return camel_case_nick (KW_TYPE_COGNITO_ERROR, error->code);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("Cancelled");

  return g_strdup_printf ("%s:%d", g_quark_to_string (error->domain), error->code);
}

static void
complete_action (GTask *task)
{
  ActionData *data = g_task_get_task_data (task);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else if (data->return_password)
    g_task_return_pointer (task, g_steal_pointer (&data->password),
                           (GDestroyNotify) kw_secret_free);
  else
    g_task_return_boolean (task, TRUE);
}

static void
audit_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ActionData *data = g_task_get_task_data (task);
  g_autoptr(GError) audit_error = NULL;

  if (!kw_audit_log_append_finish (KW_AUDIT_LOG (object), result, &audit_error))
    g_warning ("Could not write the audit log entry for %s of %s: %s",
               data->action, data->username, audit_error->message);

  complete_action (task);
}

/* Records the action's outcome, then completes @task with it. */
static void
audit_then_return (GTask        *task,
                   GAsyncResult *call_result)
{
  KwHelpdesk *self = g_task_get_source_object (task);
  ActionData *data = g_task_get_task_data (task);
  g_autofree char *outcome = NULL;
  KwAuditEntry entry = { 0 };

  data->request_id = g_strdup (kw_cognito_client_get_request_id (call_result));

  /* A throttled request was turned away before anything was done, and a
   * bulk run sends it again: a line would record a failure that never was. */
  if (self->audit_log == NULL ||
      g_error_matches (data->error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS) ||
      g_error_matches (data->error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_THROTTLING))
    {
      complete_action (task);
      g_object_unref (task);
      return;
    }

  outcome = data->error != NULL ? outcome_for_error (data->error) : g_strdup ("success");
  entry.actor = self->actor;
  entry.user_pool_id = self->user_pool_id;
  entry.username = data->username;
  entry.action = data->action;
  entry.outcome = outcome;
  entry.request_id = data->request_id;

  /* Not the caller's cancellable: the line records what was done, and a
   * cancel after the request went out must not erase it. */
  kw_audit_log_append_async (self->audit_log, &entry, NULL, audit_written_cb, task);
}

static GTask *
action_task_new (KwHelpdesk          *self,
                 const char          *username,
                 const char          *action,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ActionData *data = g_new0 (ActionData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, action);
  /* An action that happened is reported as done even if a cancel came while
   * its audit line was being written. */
  g_task_set_check_cancellable (task, FALSE);

  data->action = action;
  data->username = g_strdup (username);
  g_task_set_task_data (task, data, (GDestroyNotify) action_data_free);

  return task;
}

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  ActionData *data = g_task_get_task_data (task);

  kw_cognito_client_admin_reset_user_password_finish (KW_COGNITO_CLIENT (object), result,
                                                      &data->error);
  audit_then_return (task, result);
}

/**
 * kw_helpdesk_reset_async:
 * @self: a #KwHelpdesk
 * @username: the user
 * @client_metadata: (nullable) (element-type utf8 utf8): ClientMetadata for
 *   the pool's Lambda triggers, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the outcome is known and audited
 * @user_data: data for @callback
 *
 * Calls AdminResetUserPassword: the user's password stops working and
 * Cognito sends them a code. The outcome is written to the audit log
 * before @callback runs.
 */
void
kw_helpdesk_reset_async (KwHelpdesk          *self,
                         const char          *username,
                         GHashTable          *client_metadata,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_HELPDESK (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = action_task_new (self, username, "AdminResetUserPassword", cancellable,
                          callback, user_data, kw_helpdesk_reset_async);
  kw_cognito_client_admin_reset_user_password_async (self->client, self->user_pool_id, username,
                                                     client_metadata, cancellable, reset_cb,
                                                     task);
}

/**
 * kw_helpdesk_reset_finish:
 * @request_id: (out) (optional) (nullable): the service's request id, for
 *   AWS support; on failure, kw_cognito_error_get_request_id() has it
 *
 * Returns: %TRUE if the password was reset
 */
gboolean
kw_helpdesk_reset_finish (KwHelpdesk    *self,
                          GAsyncResult  *result,
                          char         **request_id,
                          GError       **error)
{
  ActionData *data;

  g_return_val_if_fail (KW_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_helpdesk_reset_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (request_id != NULL)
    *request_id = g_strdup (data->request_id);

  return TRUE;
}

static void
set_password_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ActionData *data = g_task_get_task_data (task);

  kw_cognito_client_admin_set_user_password_finish (KW_COGNITO_CLIENT (object), result,
                                                    &data->error);
  /* Kept only when it is the caller's to show; otherwise no reason to hold
   * it while the audit line is written, or for as long as the result lives. */
  if (data->error != NULL || !data->return_password)
    g_clear_pointer (&data->password, kw_secret_free);
  audit_then_return (task, result);
}

/* The one way to AdminSetUserPassword: takes @password, which is wiped once
 * the call is done (or returned, when @return_password). */
static void
set_password_take (KwHelpdesk          *self,
                   const char          *username,
                   char                *password,
                   gboolean             permanent,
                   gboolean             return_password,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data,
                   gpointer             source_tag)
{
  GTask *task;
  ActionData *data;

  task = action_task_new (self, username, "AdminSetUserPassword", cancellable,
                          callback, user_data, source_tag);
  data = g_task_get_task_data (task);
  data->password = password;
  data->return_password = return_password;

  kw_cognito_client_admin_set_user_password_async (self->client, self->user_pool_id, username,
                                                   data->password, permanent, cancellable,
                                                   set_password_cb, task);
}

/**
 * kw_helpdesk_set_password_async:
 * @self: a #KwHelpdesk
 * @username: the user
 * @password: the new password, which the helpdesk copies and wipes its copy of
 * @permanent: %TRUE for a password the user keeps, %FALSE for one they must
 *   change at the next sign-in
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the outcome is known and audited
 * @user_data: data for @callback
 *
 * Calls AdminSetUserPassword with a password of the caller's. The audit log
 * records the action, never the password.
 */
void
kw_helpdesk_set_password_async (KwHelpdesk          *self,
                                const char          *username,
                                const char          *password,
                                gboolean             permanent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KW_IS_HELPDESK (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  set_password_take (self, username, g_strdup (password), permanent, FALSE, cancellable,
                     callback, user_data, kw_helpdesk_set_password_async);
}

/**
 * kw_helpdesk_set_password_finish:
 * @request_id: (out) (optional) (nullable): the service's request id, for
 *   AWS support; on failure, kw_cognito_error_get_request_id() has it
 *
 * Returns: %TRUE if the password was set
 */
gboolean
kw_helpdesk_set_password_finish (KwHelpdesk    *self,
                                 GAsyncResult  *result,
                                 char         **request_id,
                                 GError       **error)
{
  ActionData *data;

  g_return_val_if_fail (KW_IS_HELPDESK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_helpdesk_set_password_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (request_id != NULL)
    *request_id = g_strdup (data->request_id);

  return TRUE;
}

/**
 * kw_helpdesk_set_temporary_password_async:
 * @self: a #KwHelpdesk
 * @username: the user
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the outcome is known and audited
 * @user_data: data for @callback
 *
 * Calls AdminSetUserPassword with a new random password that meets the
 * pool's policy, not permanent: the user must change it at the next sign-in.
 * The audit log records the action, never the password.
 */
void
kw_helpdesk_set_temporary_password_async (KwHelpdesk          *self,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (KW_IS_HELPDESK (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  set_password_take (self, username, kw_password_policy_generate (self->policy), FALSE, TRUE,
                     cancellable, callback, user_data, kw_helpdesk_set_temporary_password_async);
}

/**
 * kw_helpdesk_set_temporary_password_finish:
 *
 * Returns: (transfer full): the temporary password, to show once and free
 *   with kw_secret_free(); %NULL with @error set
 */
char *
kw_helpdesk_set_temporary_password_finish (KwHelpdesk    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (KW_IS_HELPDESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_helpdesk_set_temporary_password_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
