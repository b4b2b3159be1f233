/* kw-bulk-page-run.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-page-private.h"

#include "kw-bulk-list.h"
#include "kw-helpdesk-confirm.h"

#include <glib/gi18n-lib.h>

/* The bulk page's run: the confirmation, the KwBulkReset and its progress,
 * pause, cancel and retry, and the concurrency from the app's settings. */

/* How long "Slowed down by the service" stays after the last throttled
 * answer. */
#define THROTTLED_SHOWN_MS 5000

#define RESPONSE_RESET "reset"

static void
hide_throttled (KwBulkPage *self)
{
  g_clear_handle_id (&self->throttled_id, g_source_remove);
  if (!kw_bulk_page_is_disposed (self))
    gtk_widget_set_visible (self->throttled_label, FALSE);
}

static gboolean
throttled_timeout_cb (gpointer user_data)
{
  KwBulkPage *self = user_data;

  self->throttled_id = 0;
  gtk_widget_set_visible (self->throttled_label, FALSE);

  return G_SOURCE_REMOVE;
}

/* A row goes back to waiting during a run only when the service throttled
 * it (kw-bulk-reset.h): the one thing the person could notice about
 * throttling, which never fails a row, is that it slows the run. */
static void
row_state_cb (KwBulkPage     *self,
              GParamSpec     *pspec,
              KwBulkResetRow *row)
{
  if (self->starting || self->state != KW_BULK_PAGE_RUNNING ||
      kw_bulk_reset_row_get_state (row) != KW_BULK_ROW_PENDING)
    return;

  gtk_widget_set_visible (self->throttled_label, TRUE);
  g_clear_handle_id (&self->throttled_id, g_source_remove);
  self->throttled_id = g_timeout_add (THROTTLED_SHOWN_MS, throttled_timeout_cb, self);
}

void
kw_bulk_page_update_run (KwBulkPage *self)
{
  guint done;
  guint failed;
  guint remaining;
  guint total;
  gboolean running = self->state == KW_BULK_PAGE_RUNNING;
  gboolean paused;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *status = NULL;
  const GError *journal_error = NULL;

  if (self->bulk == NULL || kw_bulk_page_is_disposed (self))
    return;

  done = kw_bulk_reset_get_done (self->bulk);
  failed = kw_bulk_reset_get_failed (self->bulk);
  remaining = kw_bulk_reset_get_remaining (self->bulk);
  total = g_list_model_get_n_items (G_LIST_MODEL (self->bulk));
  paused = running && kw_bulk_reset_get_paused (self->bulk);

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 total > 0 ? (double) (done + failed) / total : 0.0);
  number = g_strdup_printf ("%u", done);
  gtk_label_set_text (self->done_label, number);
  g_free (number);
  number = g_strdup_printf ("%u", failed);
  gtk_label_set_text (self->failed_label, number);
  g_free (number);
  number = g_strdup_printf ("%u", remaining);
  gtk_label_set_text (self->remaining_label, number);

  if (paused)
    {
      title = g_strdup (_("Paused"));
      description = g_strdup (_("Nothing new is sent until you resume. Requests already sent "
                                "finish and keep their outcome."));
    }
  else if (running)
    {
      title = g_strdup (_("Resetting Passwords"));
      status = kw_bulk_format_time_left (kw_bulk_reset_get_seconds_left (self->bulk));
    }
  else if (remaining > 0)
    {
      title = g_strdup (_("Stopped"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: %u counts the users not yet sent a
                                                   * code when the bulk reset stopped. */
                                                  "%u user has not been sent a code. Resume "
                                                  "here, or open the file again later to "
                                                  "resume where it stopped.",
                                                  "%u users have not been sent a code. Resume "
                                                  "here, or open the file again later to "
                                                  "resume where it stopped.",
                                                  remaining),
                                     remaining);
    }
  else if (failed > 0)
    {
      title = g_strdup (_("Finished With Failures"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: %u counts the users the bulk reset
                                                   * could not reset. */
                                                  "%u user could not be reset; the list says "
                                                  "why. Retry once the cause is fixed.",
                                                  "%u users could not be reset; the list says "
                                                  "why. Retry them once the cause is fixed.",
                                                  failed),
                                     failed);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: the heading when the bulk reset is done
                                             * and none failed; %u counts the users reset. */
                                            "%u User Reset",
                                            "All %u Users Reset",
                                            done),
                               done);
      description = g_strdup (_("Each user got a code to choose a new password."));
    }

  gtk_label_set_text (self->run_title_label, title);
  gtk_label_set_text (self->run_description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->run_description_label), description != NULL);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);

  gtk_widget_set_visible (self->running_box, running);
  gtk_widget_set_visible (self->pause_button, running && !paused);
  gtk_widget_set_visible (self->unpause_button, paused);
  gtk_widget_set_visible (self->finished_box, !running);
  gtk_button_set_label (self->retry_button, remaining > 0 ? _("_Resume") : _("_Retry Failed"));
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), remaining > 0 || failed > 0);

  if (!running && self->journal != NULL)
    journal_error = kw_bulk_journal_get_error (self->journal);
  if (journal_error != NULL)
    {
      /* Translators: the placeholder is the system's message, such as
       * "No space left on device". */
      g_autofree char *text = g_strdup_printf (_("Progress could not be saved for resuming "
                                                 "later: %s"),
                                               journal_error->message);

      gtk_label_set_text (self->journal_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->journal_label), journal_error != NULL);

  kw_bulk_page_update_actions (self);
}

static void
bulk_changed_cb (KwBulkPage  *self,
                 GParamSpec  *pspec,
                 KwBulkReset *bulk)
{
  kw_bulk_page_update_run (self);
}

/* The run's model and handlers go; the run itself may still end later. */
void
kw_bulk_page_drop_bulk (KwBulkPage *self)
{
  guint n;

  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  hide_throttled (self);

  if (self->bulk == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bulk));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwBulkResetRow) row = g_list_model_get_item (G_LIST_MODEL (self->bulk), i);

      g_signal_handlers_disconnect_by_data (row, self);
    }
  g_signal_handlers_disconnect_by_data (self->bulk, self);

  if (!kw_bulk_page_is_disposed (self))
    gtk_list_view_set_model (self->result_list, NULL);
  g_clear_object (&self->bulk);
}

static guint
kw_bulk_page_get_concurrency (KwBulkPage *self)
{
  if (self->settings == NULL)
    return KW_BULK_RESET_DEFAULT_CONCURRENCY;

  return g_settings_get_uint (self->settings, "bulk-concurrency");
}

static void
concurrency_changed_cb (KwBulkPage *self,
                        const char *key,
                        GSettings  *settings)
{
  if (self->bulk != NULL)
    kw_bulk_reset_set_concurrency (self->bulk, kw_bulk_page_get_concurrency (self));
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(KwBulkPage) self = user_data;
  KwBulkReset *bulk = KW_BULK_RESET (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint done;
  guint failed;

  kw_bulk_reset_run_finish (bulk, result, &error);

  /* Another file, another session, or a closed window. */
  if (bulk != self->bulk || kw_bulk_page_is_disposed (self))
    return;

  g_clear_object (&self->run_cancellable);
  hide_throttled (self);
  kw_bulk_page_set_state (self, KW_BULK_PAGE_FINISHED);
  kw_bulk_page_update_run (self);

  /* The page says how it ended; a toast is for someone who went on to
   * another page meanwhile. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  done = kw_bulk_reset_get_done (bulk);
  failed = kw_bulk_reset_get_failed (bulk);
  if (error != NULL)
    toast = g_strdup (_("Bulk reset stopped"));
  else if (failed > 0)
    /* Translators: the placeholders are numbers of users. */
    toast = g_strdup_printf (_("Bulk reset finished: %u reset, %u failed"), done, failed);
  else
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u counts the users reset. */
                                          "Bulk reset finished: %u user reset",
                                          "Bulk reset finished: %u users reset",
                                          done),
                             done);
  kw_helpdesk_toast (GTK_WIDGET (self), toast);
}

static void
kw_bulk_page_start_run (KwBulkPage *self)
{
  g_assert (self->bulk != NULL);

  g_clear_object (&self->run_cancellable);
  self->run_cancellable = g_cancellable_new ();
  kw_bulk_reset_set_paused (self->bulk, FALSE);

  /* Rows failed in an earlier run go back to waiting as the run starts:
   * not the service slowing it down. */
  self->starting = TRUE;
  kw_bulk_reset_run_async (self->bulk, self->run_cancellable, run_cb, g_object_ref (self));
  self->starting = FALSE;

  kw_bulk_page_set_state (self, KW_BULK_PAGE_RUNNING);
  kw_bulk_page_update_run (self);
}

static void
kw_bulk_page_begin (KwBulkPage *self)
{
  g_auto(GStrv) usernames = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  static const char * const counts[] = { "done", "failed", "remaining", "seconds-left", "paused" };
  guint n;

  if (self->session == NULL || self->csv == NULL)
    return;

  kw_bulk_page_drop_bulk (self);

  usernames = kw_bulk_csv_dup_usernames (self->csv);
  self->bulk = kw_bulk_reset_new (kw_helpdesk_session_get_helpdesk (self->session),
                                  (const char * const *) usernames);
  kw_bulk_reset_set_concurrency (self->bulk, kw_bulk_page_get_concurrency (self));
  if (self->journal != NULL)
    kw_bulk_reset_set_journal (self->bulk, self->journal);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", counts[i], NULL);

      g_signal_connect_swapped (self->bulk, signal, G_CALLBACK (bulk_changed_cb), self);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bulk));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwBulkResetRow) row = g_list_model_get_item (G_LIST_MODEL (self->bulk), i);

      g_signal_connect_swapped (row, "notify::state", G_CALLBACK (row_state_cb), self);
    }

  factory = kw_bulk_result_factory_new (kw_helpdesk_session_get_connection (self->session));
  gtk_list_view_set_factory (self->result_list, factory);
  gtk_list_view_set_model (self->result_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->bulk)))));

  name = kw_bulk_page_dup_file_name (self->file);
  gtk_label_set_text (self->run_file_label, name);

  kw_bulk_page_start_run (self);
}

/* The confirmation */

static void
confirm_response_cb (KwBulkPage       *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, RESPONSE_RESET) == 0 && self->state == KW_BULK_PAGE_PREVIEW)
    kw_bulk_page_begin (self);
}

/* Says in plain words what the run does, before anything is sent. */
void
kw_bulk_page_confirm (KwBulkPage *self,
                      gboolean    resume)
{
  guint n_rows = kw_bulk_csv_get_n_to_reset (self->csv);
  guint n_done = resume ? MIN (kw_bulk_journal_get_n_done (self->journal), n_rows) : 0;
  guint n = n_rows - n_done;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *label = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a dialog's heading; %u counts the users of
                                           * the file that are to be reset. */
                                          "Reset %u User?", "Reset %u Users?", n),
                             n);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the body of the dialog; %u counts the users
                                        * of the file that are to be reset. */
                                       "The user gets a code by email or text message to choose "
                                       "a new password, and their current password stops "
                                       "working at once. A user with no verified email address "
                                       "or phone number cannot get a code and is listed as "
                                       "failed.",
                                       "Each of the %u users gets a code by email or text "
                                       "message to choose a new password, and their current "
                                       "password stops working at once. Users with no verified "
                                       "email address or phone number cannot get a code and are "
                                       "listed as failed.",
                                       n),
                          n);
  if (n_done > 0)
    {
      char *with_skipped;

      skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %u counts the users an earlier run of
                                               * the bulk reset already reset. */
                                              "%u user of this file was reset in the earlier "
                                              "run and is skipped.",
                                              "%u users of this file were reset in the earlier "
                                              "run and are skipped.",
                                              n_done),
                                 n_done);
      with_skipped = g_strconcat (skipped, "\n\n", body, NULL);
      g_free (body);
      body = with_skipped;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the dialog's button; %u counts the users of
                                         * the file that are to be reset. */
                                        "_Reset %u User", "_Reset %u Users", n),
                           n);

  dialog = g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                         "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         "modal", TRUE,
                         "destroy-with-parent", TRUE,
                         "heading", heading,
                         "body", body,
                         NULL);
  adw_message_dialog_add_response (dialog, KW_HELPDESK_RESPONSE_CANCEL, _("_Cancel"));
  adw_message_dialog_add_response (dialog, RESPONSE_RESET, label);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_RESET, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, KW_HELPDESK_RESPONSE_CANCEL);
  /* Enter must never reset anyone by accident. */
  adw_message_dialog_set_default_response (dialog, KW_HELPDESK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}


void
kw_bulk_page_pause_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state == KW_BULK_PAGE_RUNNING)
    kw_bulk_reset_set_paused (self->bulk, g_str_equal (action_name, "bulk.pause"));
}

void
kw_bulk_page_cancel_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state != KW_BULK_PAGE_RUNNING)
    return;

  /* Cancelled first, so that lifting a pause sends nothing more. */
  g_cancellable_cancel (self->run_cancellable);
  kw_bulk_reset_set_paused (self->bulk, FALSE);
}

void
kw_bulk_page_retry_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state == KW_BULK_PAGE_FINISHED && self->bulk != NULL && self->session != NULL)
    kw_bulk_page_start_run (self);
}


/* The app's settings, when its schema is installed: a build tree run
 * without GSETTINGS_SCHEMA_DIR has none, and g_settings_new() would abort. */
static GSettings *
dup_app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "bulk-concurrency"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

void
kw_bulk_page_init_settings (KwBulkPage *self)
{
  self->settings = dup_app_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::bulk-concurrency",
                             G_CALLBACK (concurrency_changed_cb), self, G_CONNECT_SWAPPED);
}
