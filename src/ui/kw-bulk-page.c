/* kw-bulk-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-page-private.h"

#include "kw-bulk-list.h"

#include <glib/gi18n-lib.h>

/* The file and its preview; the run is in kw-bulk-page-run.c, the file
 * choosers and saving the results in kw-bulk-page-files.c. */

G_DEFINE_FINAL_TYPE (KwBulkPage, kw_bulk_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reading the file or its journal, for the callback to tell whether it is
 * still the page's current request. */
typedef struct
{
  KwBulkPage   *self;
  GCancellable *cancellable;
} Request;

static Request *
request_new (KwBulkPage   *self,
             GCancellable *cancellable)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (cancellable);

  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

gboolean
kw_bulk_page_is_disposed (KwBulkPage *self)
{
  /* Disposing the template clears the widget pointers. */
  return self->stack == NULL;
}

char *
kw_bulk_page_dup_file_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_basename (file);
}

gboolean
kw_bulk_page_get_busy (KwBulkPage *self)
{
  g_return_val_if_fail (KW_IS_BULK_PAGE (self), FALSE);

  return self->state == KW_BULK_PAGE_LOADING ||
         self->state == KW_BULK_PAGE_RUNNING ||
         self->save_cancellable != NULL;
}

void
kw_bulk_page_notify_busy (KwBulkPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
kw_bulk_page_journal_unfinished (KwBulkPage *self)
{
  return self->journal != NULL && kw_bulk_journal_is_unfinished (self->journal);
}

void
kw_bulk_page_update_actions (KwBulkPage *self)
{
  KwBulkPageState state = self->state;
  gboolean running = state == KW_BULK_PAGE_RUNNING;
  gboolean paused = running && kw_bulk_reset_get_paused (self->bulk);
  gboolean finished = state == KW_BULK_PAGE_FINISHED && self->bulk != NULL;
  gboolean preview = state == KW_BULK_PAGE_PREVIEW && self->session != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "bulk.open",
                                 self->session != NULL && !running &&
                                 state != KW_BULK_PAGE_LOADING);
  gtk_widget_action_set_enabled (widget, "bulk.start",
                                 preview && !kw_bulk_page_journal_unfinished (self) &&
                                 kw_bulk_csv_get_n_to_reset (self->csv) > 0);
  gtk_widget_action_set_enabled (widget, "bulk.resume-file", preview && kw_bulk_page_journal_unfinished (self));
  gtk_widget_action_set_enabled (widget, "bulk.start-over", preview && kw_bulk_page_journal_unfinished (self));
  gtk_widget_action_set_enabled (widget, "bulk.pause", running && !paused);
  gtk_widget_action_set_enabled (widget, "bulk.unpause", paused);
  gtk_widget_action_set_enabled (widget, "bulk.cancel", running);
  gtk_widget_action_set_enabled (widget, "bulk.save", finished && self->save_cancellable == NULL);
  gtk_widget_action_set_enabled (widget, "bulk.retry",
                                 finished && self->session != NULL &&
                                 kw_bulk_reset_get_done (self->bulk) <
                                   g_list_model_get_n_items (G_LIST_MODEL (self->bulk)));
}

void
kw_bulk_page_set_state (KwBulkPage      *self,
                        KwBulkPageState  state)
{
  static const char * const names[] = {
    [KW_BULK_PAGE_EMPTY] = "empty",
    [KW_BULK_PAGE_LOADING] = "loading",
    [KW_BULK_PAGE_UNREADABLE] = "unreadable",
    [KW_BULK_PAGE_PREVIEW] = "preview",
    [KW_BULK_PAGE_RUNNING] = "run",
    [KW_BULK_PAGE_FINISHED] = "run",
  };
  gboolean was_busy = kw_bulk_page_get_busy (self);

  self->state = state;

  if (!kw_bulk_page_is_disposed (self))
    {
      gtk_spinner_set_spinning (self->spinner, state == KW_BULK_PAGE_LOADING);
      gtk_stack_set_visible_child_name (self->stack, names[state]);
      kw_bulk_page_update_actions (self);
    }

  if (was_busy != kw_bulk_page_get_busy (self))
    kw_bulk_page_notify_busy (self);
}

/* The preview */

static char *
describe_problems (KwBulkCsv *csv)
{
  guint n_invalid = kw_bulk_csv_get_n_invalid (csv);
  guint n_duplicates = kw_bulk_csv_get_n_duplicates (csv);
  guint n_empty = kw_bulk_csv_get_n_empty (csv);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (n_invalid > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          /* Translators: %u counts the rows with a
                                                           * username that is not valid, in a list
                                                           * such as "2 invalid usernames, 1
                                                           * duplicate". */
                                                          "%u invalid username",
                                                          "%u invalid usernames",
                                                          n_invalid),
                                             n_invalid));
  if (n_duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          /* Translators: %u counts the rows that
                                                           * repeat a username, in a list such as "2
                                                           * invalid usernames, 1 duplicate". */
                                                          "%u duplicate",
                                                          "%u duplicates",
                                                          n_duplicates),
                                             n_duplicates));
  if (n_empty > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          /* Translators: %u counts the rows with no
                                                           * username, in a list such as "2 invalid
                                                           * usernames, 1 duplicate". */
                                                          "%u empty row",
                                                          "%u empty rows",
                                                          n_empty),
                                             n_empty));

  if (parts->len == 0)
    return g_strdup (_("Every row holds a valid username, once."));

  g_ptr_array_add (parts, NULL);
  /* Translators: joins counts such as "2 invalid usernames" and "1
   * duplicate" in a list. */
  list = g_strjoinv (_(", "), (char **) parts->pdata);

  /* Translators: the placeholder is a list such as "2 invalid usernames,
   * 1 duplicate". */
  return g_strdup_printf (_("Skipped, as the list below shows: %s."), list);
}

static void
kw_bulk_page_show_preview (KwBulkPage *self)
{
  guint n = kw_bulk_csv_get_n_to_reset (self->csv);
  g_autofree char *name = kw_bulk_page_dup_file_name (self->file);
  g_autofree char *summary = NULL;
  g_autofree char *problems = describe_problems (self->csv);
  gboolean unfinished = kw_bulk_page_journal_unfinished (self);

  gtk_label_set_text (self->preview_file_label, name);

  if (n == 0)
    summary = g_strdup (_("No user in this file can be reset"));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %u counts the users of the file that are
                                             * to be reset. */
                                            "%u user will be reset",
                                            "%u users will be reset",
                                            n),
                               n);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->problems_label, problems);

  gtk_widget_set_visible (self->resume_box, unfinished);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), !unfinished);
  if (unfinished)
    {
      guint n_done = kw_bulk_journal_get_n_done (self->journal);
      guint n_failed = kw_bulk_journal_get_n_failed (self->journal);
      g_autofree char *text = NULL;
      g_autofree char *button = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u counts the users the earlier bulk
                                            * reset of the file reset. */
                                           "An earlier bulk reset of this file on this user "
                                           "pool stopped after %u user was reset.",
                                           "An earlier bulk reset of this file on this user "
                                           "pool stopped after %u users were reset.",
                                           n_done),
                              n_done);
      if (n_failed > 0)
        {
          g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  /* Translators: %u counts the
                                                                   * users the earlier bulk reset of
                                                                   * the file could not reset. */
                                                                  "%u failed and is tried "
                                                                  "again.",
                                                                  "%u failed and are tried "
                                                                  "again.",
                                                                  n_failed),
                                                     n_failed);
          char *joined = g_strconcat (text, " ", failed, NULL);

          g_free (text);
          text = joined;
        }
      gtk_label_set_text (self->resume_label, text);

      /* Translators: the placeholder is the number of users already
       * reset, who are skipped. */
      button = g_strdup_printf (_("_Resume (%u done)"), n_done);
      gtk_button_set_label (self->resume_button, button);
    }
  else
    {
      g_autofree char *button = NULL;

      if (n > 0)
        button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a button; %u counts the users of the
                                                * file that are to be reset. */
                                               "_Reset %u User…", "_Reset %u Users…", n),
                                  n);
      else
        button = g_strdup (_("_Reset Users…"));
      gtk_button_set_label (self->start_button, button);
    }

  gtk_label_set_text (self->preview_note_label,
                      self->journal_problem != NULL ? self->journal_problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_note_label), self->journal_problem != NULL);

  gtk_list_view_set_model (self->preview_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->csv)))));

  kw_bulk_page_set_state (self, KW_BULK_PAGE_PREVIEW);
}

/* Reading */

static void
journal_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KwBulkPage *self = request->self;
  g_autoptr(KwBulkJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = kw_bulk_journal_open_finish (result, &error);

  if (request->cancellable != self->cancellable || kw_bulk_page_is_disposed (self))
    return;
  g_clear_object (&self->cancellable);

  g_set_object (&self->journal, journal);
  g_clear_pointer (&self->journal_problem, g_free);
  if (journal == NULL)
    /* Translators: the placeholder is the system's message. */
    self->journal_problem = g_strdup_printf (_("An earlier run of this file cannot be resumed, "
                                               "nor this one later: %s"),
                                             error->message);

  kw_bulk_page_show_preview (self);
}

static void
csv_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KwBulkPage *self = request->self;
  g_autoptr(KwBulkCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  csv = kw_bulk_csv_load_finish (result, &error);

  if (request->cancellable != self->cancellable || kw_bulk_page_is_disposed (self))
    return;

  if (csv == NULL)
    {
      g_autofree char *description = kw_bulk_describe_file_error (error);

      g_clear_object (&self->cancellable);
      adw_status_page_set_description (self->unreadable_page, description);
      kw_bulk_page_set_state (self, KW_BULK_PAGE_UNREADABLE);
      return;
    }

  g_set_object (&self->csv, csv);

  /* The journal is per file and per pool: another pool's run of the same
   * file is another run. */
  kw_bulk_journal_open_async (kw_bulk_csv_get_checksum (csv),
                              kw_helpdesk_get_user_pool_id (
                                kw_helpdesk_session_get_helpdesk (self->session)),
                              NULL, self->cancellable, journal_opened_cb,
                              g_steal_pointer (&request));
}

/* Whatever the page was doing with the last file stops. */
static void
kw_bulk_page_forget_file (KwBulkPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  kw_bulk_page_drop_bulk (self);
  g_clear_object (&self->file);
  g_clear_object (&self->csv);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->journal_problem, g_free);

  if (!kw_bulk_page_is_disposed (self))
    gtk_list_view_set_model (self->preview_list, NULL);
}

/**
 * kw_bulk_page_open_file:
 * @self: the page
 * @file: a CSV file of usernames
 *
 * Reads @file and shows its preview, or why it cannot be read. Nothing is
 * sent. Not while a run is on, nor while signed out.
 */
void
kw_bulk_page_open_file (KwBulkPage *self,
                        GFile      *file)
{
  g_return_if_fail (KW_IS_BULK_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || self->state == KW_BULK_PAGE_RUNNING)
    return;

  kw_bulk_page_forget_file (self);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  kw_bulk_page_set_state (self, KW_BULK_PAGE_LOADING);

  kw_bulk_csv_load_async (file, self->cancellable, csv_loaded_cb,
                          request_new (self, self->cancellable));
}

/* Actions */

static void
kw_bulk_page_start_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state == KW_BULK_PAGE_PREVIEW && kw_bulk_csv_get_n_to_reset (self->csv) > 0)
    kw_bulk_page_confirm (self, FALSE);
}

static void
kw_bulk_page_resume_file_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state == KW_BULK_PAGE_PREVIEW && kw_bulk_page_journal_unfinished (self))
    kw_bulk_page_confirm (self, TRUE);
}

static void
journal_discarded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  KwBulkPage *self = request->self;
  g_autoptr(GError) error = NULL;

  kw_bulk_journal_discard_finish (KW_BULK_JOURNAL (object), result, &error);

  if (request->cancellable != self->cancellable || kw_bulk_page_is_disposed (self))
    return;
  g_clear_object (&self->cancellable);

  /* The entries are forgotten either way; a file left behind is replaced
   * by the next record. */
  if (error != NULL)
    g_debug ("Bulk reset: the earlier journal stays: %s", error->message);

  kw_bulk_page_show_preview (self);
}

static void
kw_bulk_page_start_over_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  if (self->state != KW_BULK_PAGE_PREVIEW || !kw_bulk_page_journal_unfinished (self))
    return;

  self->cancellable = g_cancellable_new ();
  kw_bulk_page_set_state (self, KW_BULK_PAGE_LOADING);
  kw_bulk_journal_discard_async (self->journal, self->cancellable, journal_discarded_cb,
                                 request_new (self, self->cancellable));
}

/* GObject */

static void
kw_bulk_page_unroot (GtkWidget *widget)
{
  KwBulkPage *self = KW_BULK_PAGE (widget);

  /* Out of its window, the page has no one to show a run to; the journal
   * keeps what was done for a later resume. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->run_cancellable);
  g_cancellable_cancel (self->save_cancellable);

  GTK_WIDGET_CLASS (kw_bulk_page_parent_class)->unroot (widget);
}

static void
kw_bulk_page_dispose (GObject *object)
{
  KwBulkPage *self = KW_BULK_PAGE (object);

  kw_bulk_page_forget_file (self);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_BULK_PAGE);
  self->stack = NULL;

  G_OBJECT_CLASS (kw_bulk_page_parent_class)->dispose (object);
}

static void
kw_bulk_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KwBulkPage *self = KW_BULK_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kw_bulk_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KwBulkPage *self = KW_BULK_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      kw_bulk_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_page_class_init (KwBulkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_bulk_page_dispose;
  object_class->get_property = kw_bulk_page_get_property;
  object_class->set_property = kw_bulk_page_set_property;

  widget_class->unroot = kw_bulk_page_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         KW_TYPE_HELPDESK_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-bulk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, unreadable_page);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, preview_file_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, resume_box);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, resume_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, preview_note_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, preview_list);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, run_file_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, run_title_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, run_description_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, failed_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, throttled_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, journal_label);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, running_box);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, unpause_button);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, finished_box);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, KwBulkPage, result_list);

  gtk_widget_class_install_action (widget_class, "bulk.open", NULL, kw_bulk_page_open_action);
  gtk_widget_class_install_action (widget_class, "bulk.start", NULL, kw_bulk_page_start_action);
  gtk_widget_class_install_action (widget_class, "bulk.resume-file", NULL,
                                   kw_bulk_page_resume_file_action);
  gtk_widget_class_install_action (widget_class, "bulk.start-over", NULL,
                                   kw_bulk_page_start_over_action);
  gtk_widget_class_install_action (widget_class, "bulk.pause", NULL, kw_bulk_page_pause_action);
  gtk_widget_class_install_action (widget_class, "bulk.unpause", NULL, kw_bulk_page_pause_action);
  gtk_widget_class_install_action (widget_class, "bulk.cancel", NULL, kw_bulk_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "bulk.save", NULL, kw_bulk_page_save_action);
  gtk_widget_class_install_action (widget_class, "bulk.retry", NULL, kw_bulk_page_retry_action);
}

static void
kw_bulk_page_init (KwBulkPage *self)
{
  g_autoptr(GtkListItemFactory) factory = kw_bulk_preview_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bin's own child, which its dispose unparents: not a template
   * child, which the template's would unparent too. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  gtk_list_view_set_factory (self->preview_list, factory);

  kw_bulk_page_init_settings (self);

  kw_bulk_page_update_actions (self);
}

GtkWidget *
kw_bulk_page_new (void)
{
  return g_object_new (KW_TYPE_BULK_PAGE, NULL);
}

KwHelpdeskSession *
kw_bulk_page_get_session (KwBulkPage *self)
{
  g_return_val_if_fail (KW_IS_BULK_PAGE (self), NULL);

  return self->session;
}

/**
 * kw_bulk_page_set_session:
 * @self: the page
 * @session: (nullable): the session to reset users with
 *
 * Another session (or none) may be another pool: the file and a run on
 * are forgotten (a run is cancelled; its journal keeps what was done).
 */
void
kw_bulk_page_set_session (KwBulkPage        *self,
                          KwHelpdeskSession *session)
{
  g_return_if_fail (KW_IS_BULK_PAGE (self));
  g_return_if_fail (session == NULL || KW_IS_HELPDESK_SESSION (session));

  if (self->session == session)
    return;

  kw_bulk_page_forget_file (self);
  g_set_object (&self->session, session);
  kw_bulk_page_set_state (self, KW_BULK_PAGE_EMPTY);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

KwBulkPageState
kw_bulk_page_get_state (KwBulkPage *self)
{
  g_return_val_if_fail (KW_IS_BULK_PAGE (self), KW_BULK_PAGE_EMPTY);

  return self->state;
}

KwBulkCsv *
kw_bulk_page_get_csv (KwBulkPage *self)
{
  g_return_val_if_fail (KW_IS_BULK_PAGE (self), NULL);

  return self->csv;
}

KwBulkReset *
kw_bulk_page_get_bulk_reset (KwBulkPage *self)
{
  g_return_val_if_fail (KW_IS_BULK_PAGE (self), NULL);

  return self->bulk;
}
