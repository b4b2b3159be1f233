/* kw-window.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-window-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (KwWindow, kw_window, ADW_TYPE_APPLICATION_WINDOW)

gboolean
_kw_window_is_closed (KwWindow *self)
{
  /* Disposing the template clears the widget pointers; a request that
   * ends after that has nothing left to show its outcome in. */
  return self->wizard_stack == NULL;
}

KwWizardPage *
_kw_window_get_page (KwWindow *self)
{
  GtkWidget *child;

  if (_kw_window_is_closed (self) ||
      gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->wizard_stack))
    return NULL;

  child = gtk_stack_get_visible_child (self->wizard_stack);

  return child != NULL ? KW_WIZARD_PAGE (child) : NULL;
}

static int
kw_window_page_index (KwWindow     *self,
                      KwWizardPage *page)
{
  for (int i = 0; i < KW_WINDOW_N_PAGES; i++)
    {
      if (self->pages[i] == page)
        return i;
    }

  return -1;
}

static KwApplication *
kw_window_get_application (KwWindow *self)
{
  return KW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The header bar and the wizard's actions follow the page and the request
 * in flight. */
void
_kw_window_update (KwWindow *self)
{
  KwWizardPage *page = _kw_window_get_page (self);
  gboolean busy = self->cancellable != NULL;
  const char *next_label = NULL;
  gboolean can_go_back = FALSE;
  gboolean can_next = FALSE;
  gboolean can_resend = FALSE;
  gboolean spinning;

  if (_kw_window_is_closed (self))
    return;

  if (page != NULL)
    {
      next_label = kw_wizard_page_get_next_label (page);
      can_go_back = !busy &&
                    kw_wizard_page_get_can_go_back (page) &&
                    kw_window_page_index (self, page) > 0;
      can_next = !busy &&
                 next_label != NULL &&
                 kw_wizard_page_get_complete (page) &&
                 !kw_wizard_page_get_busy (page);
      adw_window_title_set_title (self->window_title, kw_wizard_page_get_title (page));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Keyway"));
    }

  if (self->flow != NULL)
    can_resend = !busy && kw_recovery_flow_get_can_resend (self->flow);

  gtk_label_set_text_with_mnemonic (self->next_label, next_label != NULL ? next_label : "");
  /* The label may be squeezed out for the spinner; the name stays. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->next_label),
                                  -1);
  /* Focus lands on Next when the code has gone out: a screen reader then
   * says where it went, with the button, since GTK 4.8 has no way to
   * announce it by itself. */
  if (page == KW_WIZARD_PAGE (self->delivery_page))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    kw_delivery_page_get_summary (self->delivery_page),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (self->next_button, page != NULL && next_label != NULL);
  /* Hiding the default widget unsets it; Enter in a field means Next. */
  if (gtk_widget_get_visible (self->next_button))
    gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
  gtk_widget_set_visible (self->back_button, can_go_back);
  gtk_widget_set_visible (self->cancel_button, busy);
  /* A new code asked for from a dialog has no button of its own to spin;
   * on the delivery page, its Resend button does. */
  spinning = self->request == KW_WINDOW_REQUEST_APPLY ||
             (self->request == KW_WINDOW_REQUEST_RESEND &&
              page != KW_WIZARD_PAGE (self->delivery_page));
  gtk_widget_set_visible (GTK_WIDGET (self->next_spinner), spinning);
  gtk_spinner_set_spinning (self->next_spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->next_compact_spinner), spinning);
  gtk_spinner_set_spinning (self->next_compact_spinner, spinning);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.escape", busy || can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resend-code", can_resend);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-account", !busy && page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restart", !busy && page != NULL);
}

void
_kw_window_go_to_page (KwWindow     *self,
                       KwWizardPage *page)
{
  GtkWidget *focus;

  g_assert (KW_IS_WINDOW (self));
  g_assert (KW_IS_WIZARD_PAGE (page));

  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->wizard_stack));
  gtk_stack_set_visible_child (self->wizard_stack, GTK_WIDGET (page));
  _kw_window_update (self);

  kw_wizard_page_shown (page);

  /* A page with nothing to type in leaves the focus to Next. */
  focus = kw_wizard_page_get_initial_focus (page);
  if (focus == NULL && gtk_widget_get_visible (self->next_button))
    gtk_widget_grab_focus (self->next_button);
}

void
_kw_window_toast (KwWindow   *self,
                  const char *markup)
{
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
kw_window_set_flow (KwWindow       *self,
                    KwRecoveryFlow *flow)
{
  if (self->flow == flow)
    return;

  if (self->flow != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->flow, self);
      /* Nothing of the old connection's recovery may go on in the
       * background. */
      kw_recovery_flow_reset (self->flow);
    }

  g_set_object (&self->flow, flow);

  /* Which organization this is about, unless the demo says "Demo". */
  if (self->demo == NULL)
    {
      KwConnection *connection = flow != NULL ? kw_recovery_flow_get_connection (flow) : NULL;

      adw_window_title_set_subtitle (self->window_title,
                                     connection != NULL ? kw_connection_get_name (connection)
                                                        : NULL);
    }

  if (flow != NULL)
    g_signal_connect_object (flow, "notify::can-resend",
                             G_CALLBACK (_kw_window_update), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < KW_WINDOW_N_PAGES; i++)
    kw_wizard_page_set_flow (self->pages[i], flow);

  _kw_window_update (self);
}

static KwSecretStore *
kw_window_get_secret_store (KwWindow *self)
{
  if (self->demo != NULL)
    return kw_demo_get_secret_store (self->demo);

  return kw_application_get_secret_store (kw_window_get_application (self));
}

static GSettings *
kw_window_get_settings (KwWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return application != NULL ? kw_application_get_settings (KW_APPLICATION (application)) : NULL;
}

static void
kw_window_connection_changed_cb (KwWindow      *self,
                                 GParamSpec    *pspec,
                                 KwAccountPage *page)
{
  KwConnection *connection = kw_account_page_get_connection (page);
  GSettings *settings = kw_window_get_settings (self);
  g_autoptr(KwRecoveryFlow) flow = NULL;

  g_assert (KW_IS_WINDOW (self));

  if (self->flow != NULL && kw_recovery_flow_get_connection (self->flow) == connection)
    return;

  /* The demo's connections are gone once it ends: not worth remembering. */
  if (connection != NULL && settings != NULL && self->demo == NULL)
    g_settings_set_string (settings, "last-connection", kw_connection_get_id (connection));

  /* A flow belongs to one connection; another one is another recovery. */
  if (connection != NULL && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    flow = kw_recovery_flow_new (connection, kw_window_get_secret_store (self));

  kw_window_set_flow (self, flow);
}

static void
kw_window_page_notify_cb (KwWindow     *self,
                          GParamSpec   *pspec,
                          KwWizardPage *page)
{
  g_assert (KW_IS_WINDOW (self));

  if (page == _kw_window_get_page (self))
    _kw_window_update (self);
}

static void
kw_window_visible_page_changed_cb (KwWindow   *self,
                                   GParamSpec *pspec,
                                   GtkStack   *stack)
{
  g_assert (KW_IS_WINDOW (self));

  _kw_window_update (self);
}

static void
kw_window_update_view (KwWindow *self)
{
  GListModel *connections = kw_account_page_get_connections (self->account_page);
  gboolean any = connections != NULL && g_list_model_get_n_items (connections) > 0;

  if (!any)
    {
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->welcome_page));
      gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
    }
  else if (gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->wizard_stack))
    {
      _kw_window_go_to_page (self, KW_WIZARD_PAGE (self->account_page));
    }

  _kw_window_update (self);
}

/* The demo inbox's code is void once the recovery is over or restarted. */
void
_kw_window_dismiss_inbox (KwWindow *self)
{
  if (_kw_window_is_closed (self))
    return;

  gtk_revealer_set_reveal_child (self->inbox_revealer, FALSE);
}

static void
kw_window_demo_code_sent_cb (KwWindow   *self,
                             const char *username,
                             const char *destination,
                             const char *medium,
                             const char *code,
                             KwDemo     *demo)
{
  g_autofree char *text = NULL;

  g_assert (KW_IS_WINDOW (self));

  /* In a demo the code is the point: there is no mailbox to read it in. */
  /* Translators: the demo's stand-in for a mailbox. The placeholders are
   * the code, the username and where the code would have gone (masked). */
  text = g_markup_printf_escaped (_("<b>Demo inbox:</b> code <b>%s</b> for %s, sent to %s"),
                                  code, username, destination);
  gtk_label_set_markup (self->inbox_label, text);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->inbox_copy_button),
                                          g_variant_new_string (code));
  gtk_revealer_set_reveal_child (self->inbox_revealer, TRUE);
}

static void
kw_window_demo_changed_cb (KwWindow      *self,
                           GParamSpec    *pspec,
                           KwApplication *application)
{
  KwDemo *demo = kw_application_get_demo (application);
  GSettings *settings = kw_application_get_settings (application);
  g_autoptr(KwConnection) last = NULL;

  g_assert (KW_IS_WINDOW (self));

  /* Read before the chooser is filled, which chooses its first item. */
  if (demo == NULL && settings != NULL)
    {
      g_autofree char *last_id = g_settings_get_string (settings, "last-connection");
      KwConnectionStore *store = kw_application_get_connection_store (application);
      KwConnection *found = *last_id != '\0' ? kw_connection_store_lookup (store, last_id) : NULL;

      if (found != NULL)
        last = g_object_ref (found);
    }

  if (self->demo != NULL)
    g_signal_handlers_disconnect_by_data (self->demo, self);
  _kw_window_dismiss_inbox (self);

  /* The old flow talks to a server that may be going away. */
  kw_window_set_flow (self, NULL);
  g_set_object (&self->demo, demo);

  if (demo != NULL)
    {
      g_signal_connect_object (demo, "code-sent",
                               G_CALLBACK (kw_window_demo_code_sent_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_set_title (GTK_WINDOW (self), _("Keyway (Demo)"));
      adw_window_title_set_subtitle (self->window_title, _("Demo"));
      kw_account_page_set_hint (self->account_page, kw_demo_get_hint (demo));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Keyway"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      kw_account_page_set_hint (self->account_page, NULL);
    }

  kw_account_page_set_connections (self->account_page,
                                   kw_application_get_connections (application));
  if (last != NULL)
    kw_account_page_select_connection (self->account_page, last);
  kw_window_connection_changed_cb (self, NULL, self->account_page);
  kw_window_update_view (self);
}

static void
kw_window_connections_changed_cb (KwWindow   *self,
                                  guint       position,
                                  guint       removed,
                                  guint       added,
                                  GListModel *model)
{
  g_assert (KW_IS_WINDOW (self));

  kw_window_update_view (self);
}

static gboolean
kw_window_close_request (GtkWindow *window)
{
  KwWindow *self = KW_WINDOW (window);
  GSettings *settings = kw_window_get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* Closing the window ends whatever it started. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  if (self->flow != NULL)
    kw_recovery_flow_reset (self->flow);

  return GTK_WINDOW_CLASS (kw_window_parent_class)->close_request (window);
}

/* The window follows its application: the demo when there is one, else
 * the saved connections. */
static void
kw_window_follow_application (KwWindow      *self,
                              KwApplication *application)
{
  g_signal_connect_object (application, "notify::demo",
                           G_CALLBACK (kw_window_demo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kw_application_get_connection_store (application), "items-changed",
                           G_CALLBACK (kw_window_connections_changed_cb), self,
                           G_CONNECT_SWAPPED);

  kw_window_demo_changed_cb (self, NULL, application);
}

static void
kw_window_dispose (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);

  if (self->flow != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->flow, self);
      kw_recovery_flow_reset (self->flow);
    }
  g_clear_object (&self->flow);

  if (self->demo != NULL)
    g_signal_handlers_disconnect_by_data (self->demo, self);
  g_clear_object (&self->demo);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_WINDOW);
  memset (self->pages, 0, sizeof self->pages);

  G_OBJECT_CLASS (kw_window_parent_class)->dispose (object);
}

static void
kw_window_finalize (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  /* A request's callback holds the window until it has ended. */
  g_assert (self->cancellable == NULL);
  g_assert (self->busy_page == NULL);

  G_OBJECT_CLASS (kw_window_parent_class)->finalize (object);
}

static void
kw_window_class_init (KwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_window_dispose;
  object_class->finalize = kw_window_finalize;

  window_class->close_request = kw_window_close_request;

  g_type_ensure (KW_TYPE_WELCOME_PAGE);
  g_type_ensure (KW_TYPE_ACCOUNT_PAGE);
  g_type_ensure (KW_TYPE_DELIVERY_PAGE);
  g_type_ensure (KW_TYPE_CODE_PAGE);
  g_type_ensure (KW_TYPE_PASSWORD_PAGE);
  g_type_ensure (KW_TYPE_DONE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, inbox_revealer);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, inbox_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, inbox_copy_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, next_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, next_compact_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, wizard_stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, account_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, delivery_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, code_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, password_page);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, done_page);
  gtk_widget_class_bind_template_callback (widget_class, kw_window_page_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, kw_window_connection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kw_window_visible_page_changed_cb);

  _kw_window_class_actions_init (widget_class);
}

static void
kw_window_init (KwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages[0] = KW_WIZARD_PAGE (self->account_page);
  self->pages[1] = KW_WIZARD_PAGE (self->delivery_page);
  self->pages[2] = KW_WIZARD_PAGE (self->code_page);
  self->pages[3] = KW_WIZARD_PAGE (self->password_page);
  self->pages[4] = KW_WIZARD_PAGE (self->done_page);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

KwWindow *
kw_window_new (KwApplication *application)
{
  GSettings *settings;
  KwWindow *self;

  g_return_val_if_fail (KW_IS_APPLICATION (application), NULL);

  self = g_object_new (KW_TYPE_WINDOW, "application", application, NULL);
  settings = kw_application_get_settings (application);
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  kw_window_follow_application (self, application);

  return self;
}

void
kw_window_start_recovery (KwWindow     *self,
                          KwConnection *connection)
{
  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (KW_IS_CONNECTION (connection));

  kw_account_page_select_connection (self->account_page, connection);
  _kw_window_restart (self, TRUE);
}

void
kw_window_report_error (KwWindow     *self,
                        const GError *error)
{
  g_autoptr(KwUserMessage) message = NULL;

  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  message = kw_user_message_new_for_error (error, KW_COGNITO_OPERATION_FORGOT_PASSWORD, NULL);
  _kw_window_show_message (self, message, NULL, NULL, NULL);
}
