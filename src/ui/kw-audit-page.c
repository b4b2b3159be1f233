/* kw-audit-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-page.h"

#include <glib/gi18n-lib.h>

struct _KwAuditPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkLabel       *skipped_label;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *unreadable_page;
  GtkListView    *list_view;

  /* Owned references */
  KwAuditLog     *audit_log;
  GListModel     *records;
  GCancellable   *cancellable;   /* the read in flight */
};

G_DEFINE_FINAL_TYPE (KwAuditPage, kw_audit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUDIT_LOG,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kw_audit_describe_action:
 * @action: an action as the audit log names it, such as
 *   "AdminResetUserPassword"
 *
 * Returns: the action in words, translated; @action itself for one Keyway
 *   does not know
 */
const char *
kw_audit_describe_action (const char *action)
{
  if (g_strcmp0 (action, "AdminResetUserPassword") == 0)
    return _("Reset code sent");
  if (g_strcmp0 (action, "AdminSetUserPassword") == 0)
    return _("Password set");
  if (action == NULL)
    return _("Unknown action");

  return action;
}

/* A row: what was done to whom, when and how it ended, then by whom and the
 * request id, which can be selected to copy. */

static GtkWidget *
create_label (const char *css_class,
              gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *meta = create_label ("caption", FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), create_label ("heading", TRUE));
  gtk_box_append (GTK_BOX (box), create_label ("caption", FALSE));
  gtk_label_set_selectable (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a date and time in the format of g_date_time_format(),
   * for when a helpdesk action was taken, such as "3 Mar 2026,
   * 14:05:09". */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M:%S"));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  KwAuditRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title_label = gtk_widget_get_first_child (box);
  GtkWidget *details_label = gtk_widget_get_next_sibling (title_label);
  GtkWidget *meta_label = gtk_widget_get_last_child (box);
  const char *username = kw_audit_record_get_username (record);
  const char *actor = kw_audit_record_get_actor (record);
  const char *request_id = kw_audit_record_get_request_id (record);
  gboolean success = kw_audit_record_get_success (record);
  g_autofree char *title = NULL;
  g_autofree char *when = format_time (kw_audit_record_get_time (record));
  g_autofree char *outcome = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);

  /* Translators: an action of the audit log and the user it was about,
   * such as "Reset code sent · jane". */
  title = g_strdup_printf (_("%s · %s"),
                           kw_audit_describe_action (kw_audit_record_get_action (record)),
                           username != NULL ? username : _("Unknown user"));
  gtk_label_set_text (GTK_LABEL (title_label), title);

  if (success)
    outcome = g_strdup (_("Succeeded"));
  else
    /* Translators: the placeholder is the service's name for an error,
     * such as "UserNotFoundException". */
    outcome = g_strdup_printf (_("Failed: %s"),
                               kw_audit_record_get_outcome (record) != NULL
                                 ? kw_audit_record_get_outcome (record) : _("unknown"));
  /* Translators: when an action was taken, then how it ended. */
  details = g_strdup_printf (_("%s · %s"), when, outcome);
  gtk_label_set_text (GTK_LABEL (details_label), details);
  if (success)
    {
      gtk_widget_remove_css_class (details_label, "error");
      gtk_widget_add_css_class (details_label, "success");
    }
  else
    {
      gtk_widget_remove_css_class (details_label, "success");
      gtk_widget_add_css_class (details_label, "error");
    }

  if (actor != NULL)
    /* Translators: the placeholder is who acted: an AWS access key id or
     * profile name. */
    g_string_append_printf (meta, _("By %s"), actor);
  if (request_id != NULL)
    {
      if (meta->len > 0)
        g_string_append_c (meta, '\n');
      /* Translators: the placeholder is the service's id of the request. */
      g_string_append_printf (meta, _("Request ID %s"), request_id);
    }
  gtk_label_set_text (GTK_LABEL (meta_label), meta->str);
  gtk_widget_set_visible (meta_label, meta->len > 0);
}

/* Reading */

static gboolean
kw_audit_page_is_disposed (KwAuditPage *self)
{
  return self->stack == NULL;
}

static void
kw_audit_page_set_cancellable (KwAuditPage  *self,
                               GCancellable *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (cancellable != NULL)
    self->cancellable = g_object_ref (cancellable);

  if (was_busy != (self->cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
dup_filter (KwAuditPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
kw_audit_page_show_records (KwAuditPage *self,
                            GListModel  *records,
                            guint        n_skipped)
{
  g_autofree char *filter = dup_filter (self);
  guint n = records != NULL ? g_list_model_get_n_items (records) : 0;

  g_set_object (&self->records, records);
  gtk_list_view_set_model (self->list_view,
                           records != NULL
                             ? GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (records)))
                             : NULL);

  if (n_skipped > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %u counts the lines of the audit log that
                                       * could not be read. */
                                      "%u line of the audit log could not be read and is not "
                                      "shown.",
                                      "%u lines of the audit log could not be read and are not "
                                      "shown.",
                                      n_skipped),
                         n_skipped);

      gtk_label_set_text (self->skipped_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_label), n_skipped > 0);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (*filter != '\0')
    {
      /* Translators: the placeholder is what was typed in the filter. */
      g_autofree char *description = g_strdup_printf (_("No action in the log is about a "
                                                        "username containing “%s”."),
                                                      filter);

      adw_status_page_set_title (self->empty_page, _("No Actions Found"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Actions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Reset codes sent and passwords set from the helpdesk "
                                         "are listed here, with how each one ended."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

typedef struct
{
  KwAuditPage  *self;
  GCancellable *cancellable;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadData, read_data_free)

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ReadData) data = user_data;
  KwAuditPage *self = data->self;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_skipped = 0;

  records = kw_audit_log_read_finish (KW_AUDIT_LOG (object), result, &n_skipped, &error);

  /* A newer read, another log, or a closed window. */
  if (data->cancellable != self->cancellable || kw_audit_page_is_disposed (self))
    return;
  kw_audit_page_set_cancellable (self, NULL);

  if (records == NULL)
    {
      kw_audit_page_show_records (self, NULL, 0);
      adw_status_page_set_description (self->unreadable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unreadable");
      return;
    }

  kw_audit_page_show_records (self, records, n_skipped);
}

/**
 * kw_audit_page_refresh:
 * @self: the page
 *
 * Reads the log again, with the filter in the search field. What is shown
 * stays until the new records come.
 */
void
kw_audit_page_refresh (KwAuditPage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *filter = NULL;
  ReadData *data;

  g_return_if_fail (KW_IS_AUDIT_PAGE (self));

  if (self->audit_log == NULL)
    {
      kw_audit_page_set_cancellable (self, NULL);
      kw_audit_page_show_records (self, NULL, 0);
      return;
    }

  cancellable = g_cancellable_new ();
  kw_audit_page_set_cancellable (self, cancellable);
  filter = dup_filter (self);

  data = g_new0 (ReadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (cancellable);

  kw_audit_log_read_async (self->audit_log, *filter != '\0' ? filter : NULL, cancellable,
                           read_cb, data);
}

static void
search_changed_cb (KwAuditPage    *self,
                   GtkSearchEntry *entry)
{
  g_assert (KW_IS_AUDIT_PAGE (self));

  kw_audit_page_refresh (self);
}

static void
kw_audit_page_refresh_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  kw_audit_page_refresh (KW_AUDIT_PAGE (widget));
}

/* GObject */

/* Shown again after the person acted on another page: the log has more. */
static void
kw_audit_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kw_audit_page_parent_class)->map (widget);

  kw_audit_page_refresh (KW_AUDIT_PAGE (widget));
}

static void
kw_audit_page_unroot (GtkWidget *widget)
{
  KwAuditPage *self = KW_AUDIT_PAGE (widget);

  kw_audit_page_set_cancellable (self, NULL);

  GTK_WIDGET_CLASS (kw_audit_page_parent_class)->unroot (widget);
}

static gboolean
kw_audit_page_grab_focus (GtkWidget *widget)
{
  KwAuditPage *self = KW_AUDIT_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
kw_audit_page_dispose (GObject *object)
{
  KwAuditPage *self = KW_AUDIT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->audit_log);
  g_clear_object (&self->records);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (kw_audit_page_parent_class)->dispose (object);
}

static void
kw_audit_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwAuditPage *self = KW_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUDIT_LOG:
      g_value_set_object (value, self->audit_log);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, kw_audit_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_audit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwAuditPage *self = KW_AUDIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUDIT_LOG:
      kw_audit_page_set_audit_log (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_audit_page_class_init (KwAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_audit_page_dispose;
  object_class->get_property = kw_audit_page_get_property;
  object_class->set_property = kw_audit_page_set_property;

  widget_class->map = kw_audit_page_map;
  widget_class->unroot = kw_audit_page_unroot;
  widget_class->grab_focus = kw_audit_page_grab_focus;

  properties[PROP_AUDIT_LOG] =
    g_param_spec_object ("audit-log", NULL, NULL,
                         KW_TYPE_AUDIT_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, unreadable_page);
  gtk_widget_class_bind_template_child (widget_class, KwAuditPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL,
                                   kw_audit_page_refresh_action);
}

static void
kw_audit_page_init (KwAuditPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  kw_audit_page_show_records (self, NULL, 0);
}

GtkWidget *
kw_audit_page_new (void)
{
  return g_object_new (KW_TYPE_AUDIT_PAGE, NULL);
}

KwAuditLog *
kw_audit_page_get_audit_log (KwAuditPage *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_PAGE (self), NULL);

  return self->audit_log;
}

/**
 * kw_audit_page_set_audit_log:
 * @self: the page
 * @audit_log: (nullable): the log to list
 *
 * Lists @audit_log, read at once when the page is on screen, else when it
 * is next shown.
 */
void
kw_audit_page_set_audit_log (KwAuditPage *self,
                             KwAuditLog  *audit_log)
{
  g_return_if_fail (KW_IS_AUDIT_PAGE (self));
  g_return_if_fail (audit_log == NULL || KW_IS_AUDIT_LOG (audit_log));

  if (!g_set_object (&self->audit_log, audit_log))
    return;

  kw_audit_page_set_cancellable (self, NULL);
  kw_audit_page_show_records (self, NULL, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kw_audit_page_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_LOG]);
}

gboolean
kw_audit_page_get_busy (KwAuditPage *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

GListModel *
kw_audit_page_get_records (KwAuditPage *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_PAGE (self), NULL);

  return self->records;
}
