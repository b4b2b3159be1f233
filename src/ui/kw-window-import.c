/* kw-window-import.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-window-private.h"

#include "kw-connection-store.h"
#include "kw-error-dialog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Opening a .keyway file: read it to say what it holds, ask, then let the
 * connection store import it (which stores a client secret in the keyring
 * and the rest in the user's connections file). */

#define RESPONSE_ADD "add"
#define RESPONSE_CANCEL "cancel"

typedef struct
{
  KwWindow     *window;
  GFile        *file;
  KwImportFlags flags;
  gboolean      retried;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
import_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  import_data_free (data);
}

static void kw_window_import_run (ImportData *data);

static ImportData *
import_data_copy (ImportData *data)
{
  ImportData *copy = g_new0 (ImportData, 1);

  copy->window = g_object_ref (data->window);
  copy->file = g_object_ref (data->file);
  copy->flags = data->flags;
  copy->retried = data->retried;

  return copy;
}

/* Try Again after a failed import: the same file from the start, since
 * what failed may have been reading it. */
static void
kw_window_retry_import (KwWindow *self,
                        gpointer  user_data)
{
  ImportData *data = user_data;

  kw_window_import_file (self, data->file);
}

static void
kw_window_report_import_error (ImportData   *data,
                               const GError *error)
{
  g_autoptr(KwUserMessage) message = NULL;

  message = kw_user_message_new_for_error (error, KW_COGNITO_OPERATION_FORGOT_PASSWORD, NULL);
  _kw_window_show_message (data->window, message,
                           kw_window_retry_import, import_data_copy (data),
                           (GDestroyNotify) import_data_free);
}

static void
kw_window_import_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KwConnectionStore *store = KW_CONNECTION_STORE (object);
  g_autoptr(ImportData) data = user_data;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  KwWindow *self = data->window;
  KwApplication *application;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  connection = kw_connection_store_import_finish (store, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || _kw_window_is_closed (self))
    return;

  application = KW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* No keyring: keep the client secret in memory for this session rather
   * than refuse the file. */
  if (g_error_matches (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE) && !data->retried)
    {
      data->retried = TRUE;
      kw_application_use_session_secrets (application);
      kw_window_import_run (g_steal_pointer (&data));
      return;
    }

  if (connection == NULL)
    {
      kw_window_report_import_error (data, error);
      return;
    }

  /* A file opened during the demo is meant for real use. */
  kw_application_stop_demo (application);
  kw_window_start_recovery (self, connection);

  name = g_markup_escape_text (kw_connection_get_name (connection), -1);
  if (data->retried)
    /* Translators: the placeholder is a connection's name. */
    text = g_strdup_printf (_("Added “%s”. No keyring was found: its client secret is kept "
                              "only until Keyway quits."), name);
  else
    /* Translators: the placeholder is a connection's name. */
    text = g_strdup_printf (_("Added “%s”"), name);
  _kw_window_toast (self, text);
}

static void
kw_window_import_run (ImportData *data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (data->window));
  KwApplication *app = KW_APPLICATION (application);

  kw_connection_store_import_async (kw_application_get_connection_store (app),
                                    data->file,
                                    kw_application_get_secret_store (app),
                                    data->flags,
                                    data->window->import_cancellable,
                                    kw_window_import_cb,
                                    data);
}

static void
kw_window_confirm_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  ImportData *asked = user_data;

  if (g_strcmp0 (response, RESPONSE_ADD) != 0 || _kw_window_is_closed (asked->window))
    return;

  /* The dialog owns what it asked about, and goes away with its window
   * even when nobody answers; the import gets its own copy. */
  kw_window_import_run (import_data_copy (asked));
}

static void
kw_window_confirm_import (ImportData   *data,
                          KwConnection *preview,
                          gboolean      has_secret)
{
  KwWindow *self = data->window;
  KwApplication *application = KW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  KwConnectionStore *store = kw_application_get_connection_store (application);
  KwConnection *existing = kw_connection_store_lookup (store, kw_connection_get_id (preview));
  g_autofree char *basename = g_file_get_basename (data->file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_add_response (dialog, RESPONSE_CANCEL, _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, RESPONSE_CANCEL);

  if (existing != NULL && kw_connection_get_origin (existing) == KW_CONNECTION_ORIGIN_USER)
    {
      data->flags |= KW_IMPORT_FLAGS_REPLACE;
      adw_message_dialog_set_heading (dialog, _("Replace Connection?"));
      adw_message_dialog_format_body (dialog,
                                      /* Translators: the placeholders are a connection's
                                       * name, and a file name. */
                                      _("You already have a connection named “%s”. Replace "
                                        "it with the one in the file “%s”?"),
                                      kw_connection_get_name (existing), basename);
      adw_message_dialog_add_response (dialog, RESPONSE_ADD, _("_Replace"));
      adw_message_dialog_set_response_appearance (dialog, RESPONSE_ADD,
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_set_heading (dialog, _("Add Connection?"));
      if (has_secret)
        adw_message_dialog_format_body (dialog,
                                        /* Translators: the placeholders are a file name, a
                                         * connection's name and a region such as eu-west-1. */
                                        _("The file “%s” describes the connection “%s”, "
                                          "to an account service in the region %s. Keyway "
                                          "keeps it for next time; its client secret goes "
                                          "to your keyring, never to a file."),
                                        basename,
                                        kw_connection_get_name (preview),
                                        kw_connection_get_region (preview));
      else
        adw_message_dialog_format_body (dialog,
                                        /* Translators: the placeholders are a file name, a
                                         * connection's name and a region such as eu-west-1. */
                                        _("The file “%s” describes the connection “%s”, "
                                          "to an account service in the region %s. Keyway "
                                          "keeps it for next time."),
                                        basename,
                                        kw_connection_get_name (preview),
                                        kw_connection_get_region (preview));
      adw_message_dialog_add_response (dialog, RESPONSE_ADD, _("_Add"));
      adw_message_dialog_set_response_appearance (dialog, RESPONSE_ADD, ADW_RESPONSE_SUGGESTED);
    }

  adw_message_dialog_set_default_response (dialog, RESPONSE_ADD);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (kw_window_confirm_response_cb),
                         data, import_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kw_window_load_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(ImportData) data = user_data;
  g_autoptr(KwConnection) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  char *client_secret = NULL;
  gboolean has_secret;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !_kw_window_is_closed (data->window))
        {
          g_autoptr(GError) io_error = g_error_new_literal (KW_CONNECTION_ERROR,
                                                            KW_CONNECTION_ERROR_IO,
                                                            error->message);

          kw_window_report_import_error (data, io_error);
        }
      return;
    }

  basename = g_file_get_basename (file);
  preview = kw_connection_new_from_file_data (contents, length, basename, &client_secret, &error);

  /* Only the store's import reads the secret for real; this read was to
   * tell the person what the file holds. */
  has_secret = client_secret != NULL && client_secret[0] != '\0';
  g_clear_pointer (&client_secret, kw_secret_free);
  explicit_bzero (contents, length);

  if (_kw_window_is_closed (data->window))
    return;

  if (preview == NULL)
    {
      kw_window_report_import_error (data, error);
      return;
    }

  kw_window_confirm_import (g_steal_pointer (&data), preview, has_secret);
}

void
kw_window_import_file (KwWindow *self,
                       GFile    *file)
{
  ImportData *data;

  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One file at a time: a newer request replaces an older one. */
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);

  g_file_load_contents_async (file, self->import_cancellable, kw_window_load_cb, data);
}

static void
kw_window_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               KwWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !_kw_window_is_closed (self))
    kw_window_import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_kw_window_choose_file (KwWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Connection Files"));
  gtk_file_filter_add_pattern (filter, "*" KW_CONNECTION_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, KW_CONNECTION_MIME_TYPE);

  chooser = gtk_file_chooser_native_new (_("Open Connection File"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response",
                    G_CALLBACK (kw_window_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
