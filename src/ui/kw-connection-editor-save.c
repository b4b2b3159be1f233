/* kw-connection-editor-save.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving what the editor holds: the keyring first, then the connections
 * file. */

#include "config.h"

#include "kw-connection-editor-private.h"

#include "kw-error-dialog.h"

#include <glib/gi18n-lib.h>

/* Ids are made from the name: a slug, with room for a "-NN" suffix. */
#define ID_STEM_MAX_LENGTH 56

/* A slug of the name, unique among the connections the store shows. */
static char *
kw_connection_editor_make_id (KwConnectionEditor *self,
                              const char         *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autoptr(GString) stem = g_string_new (NULL);
  char *id;

  for (const char *p = ascii; *p != '\0' && stem->len < ID_STEM_MAX_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }

  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_append (stem, "connection");

  id = g_strdup (stem->str);
  for (guint n = 2; kw_connection_store_lookup (self->store, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem->str, n);
    }

  return id;
}

/* The connection as the form describes it. */
static KwConnection *
kw_connection_editor_build (KwConnectionEditor *self,
                            gboolean            has_client_secret)
{
  KwConnection *original = self->connection;
  g_autofree char *name = _kw_connection_editor_dup_text (self->name_row);
  g_autofree char *region = _kw_connection_editor_dup_text (self->region_row);
  g_autofree char *user_pool_id = _kw_connection_editor_dup_text (self->user_pool_row);
  g_autofree char *client_id = _kw_connection_editor_dup_text (self->client_id_row);
  g_autofree char *endpoint_url = _kw_connection_editor_dup_text (self->endpoint_row);
  g_autofree char *id = NULL;
  KwPasswordPolicy policy;

  id = original != NULL ? g_strdup (kw_connection_get_id (original))
                        : kw_connection_editor_make_id (self, name);

  policy.minimum_length = gtk_spin_button_get_value_as_int (self->length_spin);
  policy.require_uppercase = gtk_switch_get_active (self->uppercase_switch);
  policy.require_lowercase = gtk_switch_get_active (self->lowercase_switch);
  policy.require_numbers = gtk_switch_get_active (self->numbers_switch);
  policy.require_symbols = gtk_switch_get_active (self->symbols_switch);

  /* The helpdesk's fields are not in this form: they stay as they were. */
  return g_object_new (KW_TYPE_CONNECTION,
                       "id", id,
                       "name", name,
                       "region", region,
                       "client-id", client_id,
                       "user-pool-id", user_pool_id,
                       "endpoint-url", endpoint_url,
                       "has-client-secret", has_client_secret,
                       "prevent-user-existence-errors",
                       gtk_switch_get_active (self->prevent_switch),
                       "password-policy", &policy,
                       "credentials-source",
                       original != NULL ? kw_connection_get_credentials_source (original)
                                        : KW_CREDENTIALS_SOURCE_NONE,
                       "aws-profile",
                       original != NULL ? kw_connection_get_aws_profile (original) : NULL,
                       "access-key-id",
                       original != NULL ? kw_connection_get_access_key_id (original) : NULL,
                       "origin", KW_CONNECTION_ORIGIN_USER,
                       NULL);
}

/* Whether a connection other than the one edited keeps its client secret
 * in the same keyring item (the item belongs to the app client). */
static gboolean
kw_connection_editor_item_is_shared (KwConnectionEditor *self,
                                     const char         *region,
                                     const char         *client_id)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) other = g_list_model_get_item (model, i);

      if (self->connection != NULL &&
          g_strcmp0 (kw_connection_get_id (other), kw_connection_get_id (self->connection)) == 0)
        continue;

      if (kw_connection_get_has_client_secret (other) &&
          g_strcmp0 (kw_connection_get_region (other), region) == 0 &&
          g_strcmp0 (kw_connection_get_client_id (other), client_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Saving: the keyring first, then the connections file; when the file
 * cannot be written, the keyring gets back what it held, so that nothing
 * is ever half saved. Nothing of it is cancelled, not even by closing the
 * editor, since stopping halfway is what must not happen. */

typedef struct
{
  KwConnectionEditor *editor;
  KwConnection       *connection;   /* to add; NULL when only a secret is stored */
  KwConnection       *saved;        /* what "saved" reports */
  GHashTable         *attributes;   /* the keyring item changed, or NULL */
  char               *label;
  char               *secret;       /* stored in that item; NULL clears it */
  char               *previous;     /* what the item held before */
  GHashTable         *stale;        /* the old client's item, cleared at the end */
  gboolean            changed;      /* the item was changed */
  GError             *error;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->editor);
  g_clear_object (&data->connection);
  g_clear_object (&data->saved);
  g_clear_pointer (&data->attributes, g_hash_table_unref);
  g_free (data->label);
  g_clear_pointer (&data->secret, kw_secret_free);
  g_clear_pointer (&data->previous, kw_secret_free);
  g_clear_pointer (&data->stale, g_hash_table_unref);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
kw_connection_editor_error_response_cb (KwErrorDialog      *dialog,
                                        const char         *response,
                                        KwConnectionEditor *self)
{
  if (g_strcmp0 (response, KW_ERROR_DIALOG_RESPONSE_ACTION) == 0 &&
      !_kw_connection_editor_is_closed (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
save_fail (SaveData *data)
{
  KwConnectionEditor *self = data->editor;
  g_autoptr(KwUserMessage) message = NULL;
  GtkWidget *dialog;

  self->saving = FALSE;
  if (_kw_connection_editor_is_closed (self))
    return;

  _kw_connection_editor_update (self);
  if (self->saved_focus != NULL)
    gtk_widget_grab_focus (self->saved_focus);
  g_clear_weak_pointer (&self->saved_focus);

  /* Only "Try Again" can be done from here: it saves again. */
  message = kw_user_message_new_for_error (data->error, KW_COGNITO_OPERATION_FORGOT_PASSWORD,
                                           data->connection);
  dialog = kw_error_dialog_new (GTK_WINDOW (self), message,
                                kw_user_message_get_action (message) == KW_USER_ACTION_RETRY);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (kw_connection_editor_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done (SaveData *data)
{
  KwConnectionEditor *self = data->editor;

  self->saving = FALSE;
  _kw_connection_editor_saved (self, data->saved);
}

static void
save_stale_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  /* The connection is saved; a secret left behind for a client it no
   * longer uses is not worth undoing that for, but someone should be able
   * to find out. */
  if (!kw_secret_store_clear_finish (KW_SECRET_STORE (object), result, &error) && error != NULL)
    g_warning ("Could not remove the previous app client’s secret from the keyring: %s",
               error->message);

  save_done (data);
}

static void
save_undo_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean undone;

  if (data->previous != NULL)
    undone = kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error);
  else
    undone = kw_secret_store_clear_finish (KW_SECRET_STORE (object), result, &error);

  if (!undone && error != NULL)
    g_warning ("Could not put back the client secret after a failed save: %s", error->message);

  save_fail (data);
}

static void
save_add_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  KwConnectionStore *store = KW_CONNECTION_STORE (object);
  g_autoptr(SaveData) data = user_data;
  KwSecretStore *secrets = data->editor->secrets;
  SaveData *next;

  if (!kw_connection_store_add_finish (store, result, &data->error))
    {
      if (!data->changed)
        {
          save_fail (data);
          return;
        }

      next = g_steal_pointer (&data);
      if (next->previous != NULL)
        kw_secret_store_store_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, next->attributes,
                                     next->label, next->previous, NULL, save_undo_cb, next);
      else
        kw_secret_store_clear_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, next->attributes,
                                     NULL, save_undo_cb, next);
      return;
    }

  if (data->stale != NULL)
    {
      next = g_steal_pointer (&data);
      kw_secret_store_clear_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, next->stale,
                                   NULL, save_stale_cb, next);
      return;
    }

  save_done (data);
}

static void
save_add (SaveData *data)
{
  if (data->connection == NULL)
    {
      save_done (data);
      save_data_free (data);
      return;
    }

  kw_connection_store_add_async (data->editor->store, data->connection,
                                 data->editor->connection != NULL, NULL,
                                 save_add_cb, data);
}

static void
save_keyring_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  gboolean changed;

  if (data->secret != NULL)
    changed = kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &data->error);
  else
    changed = kw_secret_store_clear_finish (KW_SECRET_STORE (object), result, &data->error);

  /* Clearing an item that is not there answers FALSE, and no error. */
  if (!changed && data->error != NULL)
    {
      save_fail (data);
      return;
    }

  data->changed = TRUE;
  g_clear_pointer (&data->secret, kw_secret_free);
  save_add (g_steal_pointer (&data));
}

static void
save_lookup_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  KwSecretStore *secrets = KW_SECRET_STORE (object);
  SaveData *next;

  data->previous = kw_secret_store_lookup_finish (secrets, result, &data->error);
  if (data->error != NULL)
    {
      save_fail (data);
      return;
    }

  /* The data goes on to the next step, which owns it. */
  next = g_steal_pointer (&data);
  if (next->secret != NULL)
    kw_secret_store_store_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, next->attributes,
                                 next->label, next->secret, NULL, save_keyring_cb, next);
  else
    kw_secret_store_clear_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, next->attributes,
                                 NULL, save_keyring_cb, next);
}

/* Works out what saving changes in the keyring, then starts. */
void
_kw_connection_editor_save_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (widget);
  KwConnection *original = self->connection;
  g_autoptr(SaveData) data = g_new0 (SaveData, 1);
  char *secret = _kw_connection_editor_dup_text (self->secret_row);
  gboolean had_secret = original != NULL && kw_connection_get_has_client_secret (original);
  gboolean client_changed = _kw_connection_editor_client_changed (self);
  gboolean has_secret;
  SaveData *next;

  data->editor = g_object_ref (self);

  if (secret[0] != '\0')
    {
      data->secret = secret;
      has_secret = TRUE;
    }
  else
    {
      kw_secret_free (secret);
      has_secret = had_secret && !self->forget_secret;
    }

  if (!self->read_only)
    {
      g_autoptr(GError) error = NULL;

      data->connection = kw_connection_editor_build (self, has_secret);
      /* The fields were checked one by one; this checks them together. */
      if (!kw_connection_validate (data->connection, &error))
        {
          data->error = g_steal_pointer (&error);
          save_fail (data);
          return;
        }
      data->saved = g_object_ref (data->connection);
    }
  else
    {
      data->saved = g_object_ref (original);
    }

  if (data->secret != NULL)
    {
      KwConnection *target = data->connection != NULL ? data->connection : original;

      data->attributes = kw_secret_attributes_for_client (kw_connection_get_region (target),
                                                          kw_connection_get_client_id (target));
      data->label = kw_secret_label_for_client (kw_connection_get_name (target),
                                                kw_connection_get_client_id (target));
    }

  /* The old item goes, unless another connection of the same client
   * still needs it: removed on request, or left behind by a new client. */
  if (had_secret &&
      (self->forget_secret || (data->secret != NULL && client_changed)) &&
      !kw_connection_editor_item_is_shared (self, kw_connection_get_region (original),
                                            kw_connection_get_client_id (original)))
    {
      g_autoptr(GHashTable) old = NULL;

      old = kw_secret_attributes_for_client (kw_connection_get_region (original),
                                             kw_connection_get_client_id (original));
      if (data->attributes == NULL)
        {
          data->attributes = g_steal_pointer (&old);
          data->label = kw_secret_label_for_client (kw_connection_get_name (original),
                                                    kw_connection_get_client_id (original));
        }
      else if (client_changed)
        {
          data->stale = g_steal_pointer (&old);
        }
    }

  /* The fields go insensitive while saving: the focus leaves them
   * properly first, and comes back if saving fails. */
  g_set_weak_pointer (&self->saved_focus, gtk_root_get_focus (GTK_ROOT (self)));
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->saving = TRUE;
  _kw_connection_editor_update (self);

  if (data->attributes == NULL)
    {
      save_add (g_steal_pointer (&data));
      return;
    }

  /* What the item holds now, to put back if the file cannot be written. */
  next = g_steal_pointer (&data);
  kw_secret_store_lookup_async (self->secrets, KW_SECRET_KIND_CLIENT_SECRET, next->attributes,
                                NULL, save_lookup_cb, next);
}
