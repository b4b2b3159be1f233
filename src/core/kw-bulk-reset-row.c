/* kw-bulk-reset-row.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset-private.h"

#include "kw-core-enums.h"

#include <string.h>

/* One username's result in a bulk reset. Its state, error, request id and
 * attempts are set by the run in kw-bulk-reset.c, through
 * kw-bulk-reset-private.h. */

struct _KwBulkResetRow
{
  GObject         parent_instance;

  char           *username;
  KwBulkRowState  state;
  GError         *error;
  char           *request_id;
  guint           attempts;
  GDateTime      *time;
  guint           requeues;   /* throttled answers in the current run */
};

G_DEFINE_FINAL_TYPE (KwBulkResetRow, kw_bulk_reset_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USERNAME,
  PROP_STATE,
  PROP_ERROR,
  PROP_REQUEST_ID,
  PROP_ATTEMPTS,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_bulk_reset_row_finalize (GObject *object)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  g_clear_pointer (&self->username, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (kw_bulk_reset_row_parent_class)->finalize (object);
}

static void
kw_bulk_reset_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  switch (prop_id)
    {
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_reset_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwBulkResetRow *self = KW_BULK_RESET_ROW (object);

  switch (prop_id)
    {
    case PROP_USERNAME:
      self->username = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_reset_row_class_init (KwBulkResetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_bulk_reset_row_finalize;
  object_class->get_property = kw_bulk_reset_row_get_property;
  object_class->set_property = kw_bulk_reset_row_set_property;

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KW_TYPE_BULK_ROW_STATE, KW_BULK_ROW_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:error:
   *
   * Why the row failed; %NULL unless its state is %KW_BULK_ROW_FAILED.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:request-id:
   *
   * The service's request id of the last answer for this row, for AWS support.
   */
  properties[PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:attempts:
   *
   * Requests sent for this row, over every run, throttled ones included.
   */
  properties[PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkResetRow:time:
   *
   * When the row last ended, done or failed; %NULL while it has not.
   */
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_bulk_reset_row_init (KwBulkResetRow *self)
{
  self->state = KW_BULK_ROW_PENDING;
}

const char *
kw_bulk_reset_row_get_username (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->username;
}

KwBulkRowState
kw_bulk_reset_row_get_state (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), KW_BULK_ROW_PENDING);

  return self->state;
}

/**
 * kw_bulk_reset_row_get_error:
 *
 * Returns: (nullable) (transfer none): why the row failed
 */
const GError *
kw_bulk_reset_row_get_error (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->error;
}

/**
 * kw_bulk_reset_row_get_request_id:
 *
 * Returns: (nullable): the request id of the last answer
 */
const char *
kw_bulk_reset_row_get_request_id (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->request_id;
}

guint
kw_bulk_reset_row_get_attempts (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), 0);

  return self->attempts;
}

/**
 * kw_bulk_reset_row_get_time:
 *
 * Returns: (nullable) (transfer none): when the row last ended
 */
GDateTime *
kw_bulk_reset_row_get_time (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  return self->time;
}

/* "Timeout" for KW_COGNITO_ERROR_TIMEOUT: the code's nick in CamelCase, like
 * the service's own names, and as the helpdesk writes it in the audit log. */
static char *
camel_case_nick (const char *nick)
{
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *p = nick; *p != '\0'; p++)
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

/**
 * kw_bulk_reset_row_dup_error_name:
 *
 * Returns: (nullable) (transfer full): the name of the row's error, or
 *   %NULL when it has none
 */
char *
kw_bulk_reset_row_dup_error_name (KwBulkResetRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_RESET_ROW (self), NULL);

  if (self->error == NULL)
    return NULL;

  if (self->error->domain == KW_COGNITO_ERROR)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (KW_TYPE_COGNITO_ERROR);
      const char *name = kw_cognito_error_get_name (self->error);
      GEnumValue *value;

      if (name != NULL)
        return g_strdup (name);

      value = g_enum_get_value (enum_class, self->error->code);
      return value != NULL ? camel_case_nick (value->value_nick) : g_strdup ("UnknownError");
    }

  if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("Cancelled");

  return g_strdup_printf ("%s:%d", g_quark_to_string (self->error->domain), self->error->code);
}

/* For the run, through kw-bulk-reset-private.h */

GError *
kw_bulk_reset_error_from_name (const char *name,
                               const char *request_id)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (KW_TYPE_COGNITO_ERROR);
  g_autofree char *message = g_strdup_printf ("Failed in an earlier run: %s", name);
  KwCognitoError code;

  if (kw_cognito_error_code_from_name (name, &code))
    return kw_cognito_error_new_full (code, name, 0, request_id, message);

  /* A local or transport failure: its name is the code's nick. */
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *nick_name = camel_case_nick (enum_class->values[i].value_nick);

      if (strcmp (nick_name, name) == 0)
        return kw_cognito_error_new_full (enum_class->values[i].value, NULL, 0, request_id,
                                          message);
    }

  return kw_cognito_error_new_full (KW_COGNITO_ERROR_UNKNOWN_ERROR, name, 0, request_id,
                                    message);
}

KwBulkResetRow *
kw_bulk_reset_row_new (const char *username)
{
  return g_object_new (KW_TYPE_BULK_RESET_ROW, "username", username, NULL);
}

void
kw_bulk_reset_row_set_state (KwBulkResetRow *self,
                             KwBulkRowState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
kw_bulk_reset_row_set_error (KwBulkResetRow *self,
                             const GError   *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

void
kw_bulk_reset_row_set_request_id (KwBulkResetRow *self,
                                  const char     *request_id)
{
  if (request_id == NULL || g_strcmp0 (self->request_id, request_id) == 0)
    return;

  g_free (self->request_id);
  self->request_id = g_strdup (request_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_ID]);
}

void
kw_bulk_reset_row_set_time (KwBulkResetRow *self,
                            GDateTime      *time)
{
  if (self->time == time ||
      (self->time != NULL && time != NULL && g_date_time_equal (self->time, time)))
    return;

  g_clear_pointer (&self->time, g_date_time_unref);
  if (time != NULL)
    self->time = g_date_time_ref (time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

void
kw_bulk_reset_row_add_attempt (KwBulkResetRow *self)
{
  self->attempts++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

guint
kw_bulk_reset_row_get_requeues (KwBulkResetRow *self)
{
  return self->requeues;
}

void
kw_bulk_reset_row_set_requeues (KwBulkResetRow *self,
                                guint           requeues)
{
  self->requeues = requeues;
}
