/* kw-helpdesk-signin-apply.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-signin-private.h"

#include "kw-application.h"
#include "kw-helpdesk-confirm.h"
#include "kw-wizard-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Signing in, in steps: the keys typed in go to the keyring, a connection
 * whose credentials source changed is saved, then the session is built.
 * The first step that fails says why, in an error dialog; a field that
 * cannot be used says why next to it, before anything is stored. */


typedef struct
{
  KwHelpdeskSignin *self;
  KwConnection     *connection;    /* as it will be used */
  gboolean          save;          /* its credentials source changed */
  char             *key_id;
  char             *encoded;       /* the keys to store; wiped */
  gboolean          fell_back;     /* no keyring: kept in memory instead */
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->connection);
  g_free (data->key_id);
  g_clear_pointer (&data->encoded, kw_secret_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SignInData, sign_in_data_free)

static void
kw_helpdesk_signin_fail (SignInData   *data,
                         const GError *error)
{
  KwHelpdeskSignin *self = data->self;

  g_clear_object (&self->cancellable);
  _kw_helpdesk_signin_set_busy (self, FALSE);

  if (_kw_helpdesk_signin_is_disposed (self))
    return;

  /* The operation matters little: these are credentials, keyring and
   * connection failures, worded the same for every helpdesk call. */
  kw_helpdesk_show_error (GTK_WIDGET (self), error, KW_COGNITO_OPERATION_LIST_USERS,
                          data->connection);
}

static void
session_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SignInData) data = user_data;
  KwHelpdeskSignin *self = data->self;
  g_autoptr(KwHelpdeskSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = kw_helpdesk_session_new_finish (result, &error);
  if (session == NULL)
    {
      kw_helpdesk_signin_fail (data, error);
      return;
    }

  g_clear_object (&self->cancellable);
  _kw_helpdesk_signin_set_busy (self, FALSE);
  if (_kw_helpdesk_signin_is_disposed (self))
    return;

  if (data->fell_back)
    kw_helpdesk_toast (GTK_WIDGET (self),
                       _("No keyring was found: the keys are kept only until Keyway quits."));

  _kw_helpdesk_signin_emit_signed_in (self, session);
}

static void
kw_helpdesk_signin_start_session (SignInData *data)
{
  KwHelpdeskSignin *self = data->self;

  kw_helpdesk_session_new_async (data->connection, self->secrets, self->audit_log, NULL,
                                 self->cancellable, session_cb, data);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SignInData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!kw_connection_store_add_finish (KW_CONNECTION_STORE (object), result, &error))
    {
      kw_helpdesk_signin_fail (data, error);
      return;
    }

  kw_helpdesk_signin_start_session (g_steal_pointer (&data));
}

static void
kw_helpdesk_signin_save (SignInData *data)
{
  KwHelpdeskSignin *self = data->self;

  if (!data->save)
    {
      kw_helpdesk_signin_start_session (data);
      return;
    }

  /* The demo's connections live in memory, not in the user's file. */
  if (self->demo != NULL)
    {
      kw_demo_replace_connection (self->demo, data->connection);
      kw_helpdesk_signin_start_session (data);
      return;
    }

  kw_connection_store_add_async (self->store, data->connection, TRUE, self->cancellable,
                                 save_cb, data);
}

static void kw_helpdesk_signin_store_keys (SignInData *data);

/* No keyring: the keys stay in memory for this session, as a connection
 * file's client secret does (KwWindow's import). */
static gboolean
kw_helpdesk_signin_fall_back (KwHelpdeskSignin *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root)
    ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (!KW_IS_APPLICATION (application) ||
      kw_application_get_secret_store (KW_APPLICATION (application)) != self->secrets)
    return FALSE;

  kw_application_use_session_secrets (KW_APPLICATION (application));
  g_set_object (&self->secrets, kw_application_get_secret_store (KW_APPLICATION (application)));

  return TRUE;
}

static void
store_keys_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SignInData) data = user_data;
  KwHelpdeskSignin *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error))
    {
      if (g_error_matches (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE) &&
          !data->fell_back && !_kw_helpdesk_signin_is_disposed (self) &&
          kw_helpdesk_signin_fall_back (self))
        {
          data->fell_back = TRUE;
          kw_helpdesk_signin_store_keys (g_steal_pointer (&data));
          return;
        }

      kw_helpdesk_signin_fail (data, error);
      return;
    }

  g_clear_pointer (&data->encoded, kw_secret_free);
  if (!_kw_helpdesk_signin_is_disposed (self))
    _kw_helpdesk_signin_clear_secrets (self);

  kw_helpdesk_signin_save (g_steal_pointer (&data));
}

static void
kw_helpdesk_signin_store_keys (SignInData *data)
{
  KwHelpdeskSignin *self = data->self;
  const char *id = kw_connection_get_id (data->connection);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  if (data->encoded == NULL)
    {
      kw_helpdesk_signin_save (data);
      return;
    }

  attributes = kw_secret_attributes_for_aws_keys (id, data->key_id);
  label = kw_secret_label_for_aws_keys (id, data->key_id);
  kw_secret_store_store_async (self->secrets, KW_SECRET_KIND_AWS_KEYS, attributes, label,
                               data->encoded, self->cancellable, store_keys_cb, data);
}

/* Checks the form; a field that cannot be used says why next to it. */
static gboolean
kw_helpdesk_signin_check_form (KwHelpdeskSignin *self,
                               KwConnection     *connection,
                               SignInData       *data)
{
  KwCredentialsSource source = _kw_helpdesk_signin_get_source (self);
  const char *profile = _kw_helpdesk_signin_get_profile (self);
  g_autofree char *key_id = _kw_helpdesk_signin_dup_text (self->key_id_row);
  g_autofree char *secret = _kw_helpdesk_signin_dup_text (self->secret_row);
  g_autofree char *token = _kw_helpdesk_signin_dup_text (self->token_row);
  g_autoptr(GError) error = NULL;
  gboolean saved_keys;

  if (source == KW_CREDENTIALS_SOURCE_PROFILE && profile == NULL)
    {
      kw_wizard_page_set_field_error (GTK_WIDGET (self->profile_row), self->error_label,
                                      _("Choose an AWS profile, or another source."));
      return FALSE;
    }

  if (source == KW_CREDENTIALS_SOURCE_KEYRING)
    {
      saved_keys = kw_connection_get_credentials_source (connection) ==
                     KW_CREDENTIALS_SOURCE_KEYRING &&
                   g_strcmp0 (kw_connection_get_access_key_id (connection), key_id) == 0;

      if (*key_id == '\0')
        {
          kw_wizard_page_set_field_error (self->key_id_row, self->error_label,
                                          _("Enter the access key ID."));
          return FALSE;
        }

      if (*secret == '\0' && *token != '\0')
        {
          kw_wizard_page_set_field_error (self->secret_row, self->error_label,
                                          _("Enter the secret access key that goes with the "
                                            "session token."));
          return FALSE;
        }

      if (*secret == '\0' && !saved_keys)
        {
          kw_wizard_page_set_field_error (self->secret_row, self->error_label,
                                          _("Enter the secret access key: none is saved for "
                                            "this access key ID."));
          return FALSE;
        }
    }

  data->save = source != kw_connection_get_credentials_source (connection) ||
               (source == KW_CREDENTIALS_SOURCE_PROFILE &&
                g_strcmp0 (profile, kw_connection_get_aws_profile (connection)) != 0) ||
               (source == KW_CREDENTIALS_SOURCE_KEYRING &&
                g_strcmp0 (key_id, kw_connection_get_access_key_id (connection)) != 0);

  if (data->save)
    data->connection = kw_helpdesk_connection_with_credentials (connection, source, profile,
                                                                key_id);
  else
    data->connection = g_object_ref (connection);

  if (!kw_connection_validate (data->connection, &error))
    {
      GtkWidget *row = source == KW_CREDENTIALS_SOURCE_PROFILE
        ? GTK_WIDGET (self->profile_row) : self->key_id_row;

      kw_wizard_page_set_field_error (row, self->error_label, error->message);
      return FALSE;
    }

  if (source == KW_CREDENTIALS_SOURCE_KEYRING && *secret != '\0')
    {
      g_autoptr(KwAwsCredentials) credentials =
        kw_aws_credentials_new (key_id, secret, *token != '\0' ? token : NULL, "keyring");

      data->key_id = g_strdup (key_id);
      data->encoded = kw_secret_encode_aws_keys (credentials);
    }

  explicit_bzero (secret, strlen (secret));
  explicit_bzero (token, strlen (token));

  return TRUE;
}

void
_kw_helpdesk_signin_sign_in_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (widget);
  KwConnection *connection = kw_helpdesk_signin_get_connection (self);
  g_autoptr(SignInData) data = NULL;

  if (self->busy || connection == NULL)
    return;

  _kw_helpdesk_signin_clear_errors (self);

  data = g_new0 (SignInData, 1);
  data->self = g_object_ref (self);
  if (!kw_helpdesk_signin_check_form (self, connection, data))
    return;

  self->cancellable = g_cancellable_new ();
  _kw_helpdesk_signin_set_busy (self, TRUE);
  kw_helpdesk_signin_store_keys (g_steal_pointer (&data));
}
