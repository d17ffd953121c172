// The emulator's chat page: pick a channel, talk as any user, see the bot answer as Discord's client shows it.
// Plain JS, no build, nothing from the network but the emulator. Text from messages only ever reaches the page as
// Text nodes (markdown.js renders it the same way); nothing here uses innerHTML.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const POLL_MS = 700;
  const INTERACTION_POLL_MS = 300;
  const INTERACTION_WATCH_MS = 30000;
  const COMPONENTS_V2 = 1 << 15; // the message flag of layouts

  const world = { guild: null, channels: [], privateChannels: [], users: [], roles: [], commands: [], skus: [],
    entitlements: [], version: '' };
  let current = null;
  const rendered = new Map(); // message id -> { signature, node }
  const started = new Map(); // interaction id -> { user, type, command?, action? }: what this page ran
  const completions = new Map(); // "@alice" as completed in the composer -> "<@id>"
  let slashEntry = null; // the slash command whose options are being filled in
  let interactionRoute = true; // false once the emulator says it has no GET /emulator/interactions/{id}

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `HTTP ${status}`);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    }
    catch {
      json = { message: text.slice(0, 200) };
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child !== null && child !== undefined && child !== '') node.append(child);
    }
    return node;
  }

  function safeLink(url, ...children) {
    const ok = typeof url === 'string' && /^https?:\/\//i.test(url);
    const node = el(ok ? 'a' : 'span', '', ...children);
    if (ok) {
      node.href = url;
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
    }
    return node;
  }

  const me = () => $('author').value.trim() || 'alice';
  const sameName = (a, b) => Boolean(a && b) && a.toLowerCase() === b.toLowerCase();
  const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function showError(text) {
    $('error').textContent = text;
  }

  /* ------------------------------------------------------------------ the user's language: Discord's locales */

  // Discord's locales, named as its language setting names them
  const LOCALES = [['id', 'Bahasa Indonesia'], ['da', 'Dansk'], ['de', 'Deutsch'], ['en-GB', 'English, UK'],
    ['en-US', 'English, US'], ['es-ES', 'Español'], ['es-419', 'Español, LATAM'], ['fr', 'Français'],
    ['hr', 'Hrvatski'], ['it', 'Italiano'], ['lt', 'Lietuviškai'], ['hu', 'Magyar'], ['nl', 'Nederlands'],
    ['no', 'Norsk'], ['pl', 'Polski'], ['pt-BR', 'Português do Brasil'], ['ro', 'Română'], ['fi', 'Suomi'],
    ['sv-SE', 'Svenska'], ['vi', 'Tiếng Việt'], ['tr', 'Türkçe'], ['cs', 'Čeština'], ['el', 'Ελληνικά'],
    ['bg', 'български'], ['ru', 'Русский'], ['uk', 'Українська'], ['hi', 'हिन्दी'], ['th', 'ไทย'],
    ['zh-CN', '中文'], ['zh-TW', '繁體中文'], ['ja', '日本語'], ['ko', '한국어'], ['ar', 'العربية'], ['he', 'עברית']];
  const DEFAULT_LOCALE = 'en-US';
  const locale = () => $('locale').value || DEFAULT_LOCALE;

  // a command's, option's or choice's name or description as Discord's client shows it in the user's language; what
  // it sends is always the default name
  const localized = (thing, field) => (thing[field + '_localizations'] || {})[locale()] || thing[field];

  let localeQueue = Promise.resolve(); // changes of language, saved one after the other
  let localePending = 0;
  let localeChanges = 0; // changes saved or refused: a world read before the last one may show the old language

  // the language of the user the page acts as, as the emulator has it (en-US for a user it does not know yet)
  function showLocale() {
    const user = world.users.find((u) => sameName(u.username, me()));
    $('locale').value = (user && user.locale) || DEFAULT_LOCALE;
    if (!$('locale').value) $('locale').value = DEFAULT_LOCALE;
  }

  function changeLocale() {
    const user = me();
    const wanted = $('locale').value;
    showError('');
    localePending++;
    localeQueue = localeQueue.then(async () => {
      try {
        const saved = await api('POST', `/emulator/users/${encodeURIComponent(user)}/locale`, { locale: wanted });
        const known = world.users.findIndex((u) => u.id === saved.id);
        if (known >= 0) world.users[known] = saved;
        else world.users.push(saved);
      }
      catch (error) {
        showError(`Could not change the language of ${user}: ${reason(error)}`);
        if (sameName(me(), user)) showLocale();
      }
      finally {
        localePending--;
        localeChanges++;
      }
    });
    refreshMessages().catch(() => {}); // the Apps menus in the new language
  }

  // an interaction as Discord's client sends it, once a change of language is saved: it carries the user's locale
  async function interact(body) {
    await localeQueue;
    return api('POST', '/emulator/interactions', body);
  }

  /* ------------------------------------------------------------------ the world: channels, users, roles */

  const names = {
    user: (id) => world.users.find((u) => u.id === id)?.username,
    role: (id) => world.roles.find((r) => r.id === id)?.name.replace(/^@/, ''),
    channel: (id) => world.channels.find((c) => c.id === id)?.name,
    channelClicked: (id) => {
      const channel = world.channels.find((c) => c.id === id);
      if (channel) select(channel);
    },
  };

  async function loadWorld() {
    const changes = localeChanges;
    const [guilds, users, commands, skus, privateChannels] = await Promise.all([api('GET', '/emulator/guilds'),
      api('GET', '/emulator/users'), api('GET', '/emulator/commands'), api('GET', '/emulator/skus'),
      api('GET', '/emulator/private-channels')]);
    const guild = guilds[0] || null;
    const all = guild ? guild.channels : [];
    const channels = [];
    for (const channel of all.filter((c) => c.type === 0 || c.type === 5)) {
      channels.push(channel, ...all.filter((t) => t.parent_id === channel.id && [10, 11, 12].includes(t.type)));
    }
    Object.assign(world, { guild, users, commands, channels, skus, privateChannels, roles: guild ? guild.roles : [] });
    const version = JSON.stringify([users.map((u) => u.id + u.username + u.app_installed),
      world.roles.map((r) => r.id + r.name), channels.map((c) => c.id + c.name), privateChannels.map((c) => c.id),
      commands.filter((c) => c.type === 2 || c.type === 3).map((c) => [c.type, c.name, c.name_localizations]),
      skus.map((sku) => [sku.id, sku.name, sku.price])]);
    if (localePending === 0 && changes === localeChanges) showLocale();
    if (version !== world.version) {
      world.version = version;
      renderChannels();
      renderPrivateChannels();
      $('user-names').replaceChildren(...users.filter((u) => !u.bot).map((u) => {
        const option = el('option');
        option.value = u.username;
        return option;
      }));
    }
  }

  function renderChannels() {
    $('guild-name').textContent = world.guild ? world.guild.name : 'No server';
    $('channels').replaceChildren(...world.channels.map((channel) => {
      const thread = channel.type !== 0 && channel.type !== 5;
      const button = el('button', '', (thread ? '↳ ' : '# ') + channel.name);
      button.type = 'button';
      button.dataset.id = channel.id;
      button.setAttribute('aria-current', String(current !== null && current.id === channel.id));
      button.addEventListener('click', () => select(channel));
      return el('li', thread ? 'thread' : '', button);
    }));
  }

  function select(channel) {
    current = channel;
    for (const entry of rendered.values()) entry.node.remove();
    rendered.clear();
    $('channel-title').textContent = channelTitle(channel);
    $('content').placeholder = isPrivate(channel) ? `Message ${channelTitle(channel)}: try /idea (the bot only answers `
      + 'the commands of an app you installed to your account here)'
      : `Message #${channel.name}: try .idea, /idea or @IdeaBot idea`;
    for (const button of document.querySelectorAll('#channels button, #private-channels button')) {
      button.setAttribute('aria-current', String(button.dataset.id === channel.id));
    }
    history.replaceState(null, '', '?channel=' + encodeURIComponent(channel.id));
    refreshMessages().catch(() => {});
  }

  // DMs between users and group DMs, where the bot is not a member: only the commands of an app a user installed to
  // their account run there, as interactions; the bot sees no messages. The list shows the DMs of the user you are.
  function isPrivate(channel) {
    return !channel.guild_id && Array.isArray(channel.recipients) && (channel.type === 3 || channel.recipients.length > 1);
  }

  function channelTitle(channel) {
    if (!isPrivate(channel)) return (channel.type === 1 ? '@ ' : '# ') + channel.name;
    if (channel.type === 3) return channel.name || channel.recipients.map((u) => u.username).join(', ');
    return '@ ' + channel.recipients.map((u) => u.username).filter((name) => !sameName(name, me())).join(', ');
  }

  function renderPrivateChannels() {
    const mine = world.privateChannels.filter((c) => c.recipients.some((u) => sameName(u.username, me())));
    $('private-channels').replaceChildren(...mine.map((channel) => {
      const button = el('button', '', channelTitle(channel));
      button.type = 'button';
      button.dataset.id = channel.id;
      button.title = channel.type === 3 ? 'Group DM: ' + channel.recipients.map((u) => u.username).join(', ') : 'DM';
      button.setAttribute('aria-current', String(current !== null && current.id === channel.id));
      button.addEventListener('click', () => select(channel));
      return el('li', '', button);
    }));
    const user = world.users.find((u) => sameName(u.username, me()));
    const installed = Boolean(user && user.app_installed);
    $('app-install').textContent = installed ? 'Remove the app from my account' : 'Add the app to my account';
    $('app-install').setAttribute('aria-pressed', String(installed));
  }

  async function toggleAppInstall() {
    const user = world.users.find((u) => sameName(u.username, me()));
    try {
      await api('POST', `/emulator/users/${encodeURIComponent(me())}/app`, { installed: !(user && user.app_installed) });
      await loadWorld();
      renderPrivateChannels();
      for (const entry of rendered.values()) entry.node.remove(); // their Apps menus follow the install
      rendered.clear();
      await refreshMessages();
    }
    catch (error) {
      showError(`Could not change the app's install: ${reason(error)}`);
    }
  }

  // Whether Discord's client offers the command here to the user you are: its contexts include this place (0 a
  // server, 1 the bot's DM, 2 another DM or a group DM), it is installed to the server (not in a DM between users) or
  // to the user's account, and an age-restricted (nsfw) one only in an age-restricted channel.
  function offeredHere(command) {
    if (!current) return false;
    if (command.guild_id && command.guild_id !== current.guild_id) return false;
    const place = current.guild_id ? 0 : (isPrivate(current) ? 2 : 1);
    if (!(command.contexts || [0, 1, 2]).includes(place)) return false;
    const types = command.integration_types || [0];
    const user = world.users.find((u) => sameName(u.username, me()));
    const installed = (types.includes(0) && place !== 2) || (types.includes(1) && Boolean(user && user.app_installed));
    return installed && (!command.nsfw || Boolean(current.nsfw));
  }

  async function refreshStatus() {
    try {
      await loadWorld();
      await loadPremium();
      const status = await api('GET', '/emulator/status');
      const live = status.gateway.live_session;
      $('status').className = live ? 'live' : 'down';
      $('status').textContent = live ? `${status.bot.username} is connected` : 'the bot is not connected';
      $('hint').textContent = 'Prefix commands start with "." (try .idea or .help), "/" lists the slash commands, '
        + '"@" mentions someone. Markdown works: **bold**, *italic*, `code`, ||spoiler||.';
    }
    catch (error) {
      $('status').className = 'down';
      $('status').textContent = 'the emulator is not reachable';
    }
  }

  /* ------------------------------------------------------------------ messages */

  let refreshing = null;
  let again = false;

  // One refresh at a time; a refresh asked for meanwhile runs right after it.
  function refreshMessages() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        await loadMessages();
      } while (again);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function loadMessages() {
    const channel = current;
    if (!channel) return;
    const messages = await api('GET', '/emulator/messages?channel_id=' + encodeURIComponent(channel.id));
    if (channel !== current) return;
    const byId = new Map(messages.map((m) => [m.id, m]));
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const user = me();
    const shown = new Set();
    let previous = null;
    for (const message of messages) {
      if (!visibleTo(message, user)) continue;
      const reference = byId.get(message.message_reference?.message_id) || message.referenced_message;
      const signature = JSON.stringify([message.content, message.flags, message.edited_timestamp, message.components,
        message.embeds, message.attachments, message.poll, header(message), world.version, locale(),
        reference && reference.content]);
      let entry = rendered.get(message.id);
      if (!entry || entry.signature !== signature) {
        const node = messageItem(message, reference);
        if (entry) entry.node.replaceWith(node);
        entry = { signature, node };
        rendered.set(message.id, entry);
      }
      const expected = previous ? previous.nextSibling : list.firstChild;
      if (entry.node !== expected) list.insertBefore(entry.node, expected);
      previous = entry.node;
      shown.add(message.id);
    }
    for (const [id, entry] of rendered) {
      if (!shown.has(id)) {
        entry.node.remove();
        rendered.delete(id);
      }
    }
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  // Who ran the interaction a message answers: Discord's interaction object, interaction_metadata (unless it names
  // the bot itself), or what this page remembers having started.
  function invoker(message) {
    const legacy = message.interaction;
    const meta = message.interaction_metadata;
    if (legacy && legacy.user) return legacy.user.username;
    if (meta && meta.user && meta.user.id !== message.author.id) return meta.user.username;
    const local = started.get((meta && meta.id) || (legacy && legacy.id));
    return local ? local.user : null;
  }

  function visibleTo(message, user) {
    if (!(message.flags & 64)) return true;
    const recipient = invoker(message);
    return !recipient || sameName(recipient, user);
  }

  // "alice used /idea", as Discord shows above a slash command's answer: [user, action, command]
  function header(message) {
    const legacy = message.interaction;
    const meta = message.interaction_metadata;
    if (!legacy && !meta) return null;
    const local = started.get((meta && meta.id) || legacy.id) || {};
    const user = invoker(message) || 'Someone';
    const type = (legacy && legacy.type) || (meta && meta.type) || local.type;
    if (type === 3) return [user, local.action || ' used a component', ''];
    if (type === 5) return [user, local.action || ' submitted a form', ''];
    const name = (legacy && legacy.name) || (meta && meta.name) || local.command;
    const menu = (meta && (meta.target_user || meta.target_message_id)) || local.menu; // from a user's or message's menu
    return [user, ' used ', name ? (menu ? name : '/' + name) : 'a command'];
  }

  // a message as plain text with mentions by name, for one-line previews
  function plain(text) {
    return String(text || '')
      .replace(/<@!?(\d+)>/g, (all, id) => '@' + (names.user(id) || 'unknown-user'))
      .replace(/<@&(\d+)>/g, (all, id) => '@' + (names.role(id) || 'unknown-role'))
      .replace(/<#(\d+)>/g, (all, id) => '#' + (names.channel(id) || 'unknown-channel'))
      .replace(/\s+/g, ' ');
  }

  function messageItem(message, reference) {
    const item = el('li', 'message');
    item.dataset.id = message.id;
    const user = me();
    if (message.mention_everyone || (message.mentions || []).some((u) => sameName(u.username, user))) {
      item.classList.add('mentioned');
    }
    if (message.flags & 64) item.classList.add('ephemeral');
    if (message.type === 19 && message.message_reference) {
      item.append(el('div', 'reply-to', '↱ ', reference ? el('span', 'author', reference.author.username) : null,
        reference ? ' ' + plain(reference.content).slice(0, 80) : 'a message that was deleted'));
    }
    const about = header(message);
    if (about) {
      item.append(el('div', 'reply-to interaction', '↱ ', el('span', 'author', about[0]), about[1],
        about[2] ? el('span', 'command', about[2]) : null));
    }
    const when = new Date(message.timestamp);
    const time = el('time', '', when.toLocaleTimeString());
    time.dateTime = message.timestamp;
    item.append(el('div', 'meta', authorNode(message.author),
      message.author.bot ? el('span', 'bot-tag', 'BOT') : null, time,
      message.edited_timestamp ? el('span', 'edited', ' (edited)') : null, messageApps(message)));
    if ((message.flags & 128) && !message.content) {
      item.append(el('div', 'note thinking', `${message.author.username} is thinking`));
    }
    else if (message.content) {
      item.append(el('div', 'content', window.DiscordMarkdown.render(message.content, names)));
    }
    for (const embed of message.embeds || []) item.append(embedNode(embed));
    if (message.poll) item.append(pollNode(message));
    // a layout shows its files through its components only, as Discord's client does
    for (const attachment of (message.flags & COMPONENTS_V2) ? [] : message.attachments || []) {
      item.append(el('div', 'attachment', safeLink(attachment.url, `📎 ${attachment.filename}`),
        ` (${attachment.size} bytes)`));
    }
    const components = componentsNode(message);
    if (components) item.append(components);
    if (message.flags & 64) item.append(el('div', 'note', 'Only you can see this'));
    return item;
  }

  // Discord's "Apps" menus, the bot's context menu commands: a message's lists its message commands, a user's name
  // opens its user commands for that user. A disclosure: a click, Enter or a right-click opens it, the arrows move in
  // it, Escape or a click elsewhere closes it.
  function contextMenu(className, summary, label, heading, type, target, commands) {
    const list = el('ul', 'apps-list');
    list.setAttribute('aria-label', label);
    if (heading) {
      const title = el('li', 'apps-heading', heading);
      title.setAttribute('aria-hidden', 'true');
      list.append(title);
    }
    for (const command of commands) {
      const button = el('button', '', localized(command, 'name'));
      button.type = 'button';
      button.addEventListener('click', () => {
        button.closest('details').open = false;
        runMenuCommand(type, command.name, target);
      });
      list.append(el('li', '', button));
    }
    const menu = el('details', className + ' menu', summary, list);
    summary.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      closeMenus(menu);
      menu.open = true;
      list.querySelector('button').focus();
    });
    menu.addEventListener('keydown', (event) => moveInMenu(menu, event));
    return menu;
  }

  function messageApps(message) {
    const commands = world.commands.filter((c) => c.type === 3 && offeredHere(c));
    if (!commands.length) return null;
    return contextMenu('apps', el('summary', '', 'Apps'), 'Apps', null, 'message_command', message.id, commands);
  }

  // a message's author; when the bot has user commands, the name opens Discord's Apps menu for that user
  function authorNode(user) {
    const name = el('span', 'author', user.username);
    const commands = world.commands.filter((c) => c.type === 2 && offeredHere(c));
    if (!commands.length) return name;
    const summary = el('summary', '', name);
    summary.title = `Apps for ${user.username} (click or right-click)`;
    return contextMenu('user-apps', summary, `Apps for ${user.username}`, 'Apps', 'user_command', user.id, commands);
  }

  function moveInMenu(menu, event) {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!menu.open || !keys.includes(event.key)) return;
    event.preventDefault();
    const buttons = [...menu.querySelectorAll('.apps-list button')];
    const at = buttons.indexOf(document.activeElement);
    const n = buttons.length;
    let next = { Home: 0, End: n - 1 }[event.key];
    if (next === undefined) {
      const down = event.key === 'ArrowDown';
      next = at < 0 ? (down ? 0 : n - 1) : (at + (down ? 1 : n - 1)) % n;
    }
    buttons[next].focus();
  }

  // closes the open Apps menus but one; with refocus, the focus goes back from a closed menu to its name or summary
  function closeMenus(except, refocus) {
    for (const menu of document.querySelectorAll('.menu[open]')) {
      if (menu === except) continue;
      if (refocus && menu.contains(document.activeElement)) menu.querySelector('summary').focus();
      menu.open = false;
    }
  }

  async function runMenuCommand(type, name, target) {
    showError('');
    try {
      const answer = await interact({ type, name, target_id: target, user: me(), channel_id: current.id });
      started.set(answer.id, { user: me(), type: 2, command: name, menu: true });
      watch(answer.id);
      refreshMessages().catch(() => {});
    }
    catch (error) {
      showError(`Discord did not accept “${name}”: ${reason(error)}`);
    }
  }

  function embedNode(embed) {
    const node = el('article', 'embed');
    if (Number.isInteger(embed.color)) node.style.borderLeftColor = '#' + embed.color.toString(16).padStart(6, '0');
    if (embed.author && embed.author.name) node.append(el('div', 'embed-author', embed.author.name));
    if (embed.title) {
      node.append(el('div', 'embed-title', safeLink(embed.url, window.DiscordMarkdown.inline(embed.title, names))));
    }
    if (embed.description) {
      node.append(el('div', 'embed-description', window.DiscordMarkdown.render(embed.description, names)));
    }
    for (const field of embed.fields || []) {
      node.append(el('div', 'embed-field' + (field.inline ? ' inline' : ''),
        el('div', 'embed-field-name', window.DiscordMarkdown.inline(field.name || '', names)),
        el('div', 'embed-field-value', window.DiscordMarkdown.render(field.value || '', names))));
    }
    if (embed.footer && embed.footer.text) node.append(el('div', 'embed-footer', embed.footer.text));
    return node;
  }

  /* ------------------------------------------------------------------ components: buttons and selects */

  const BUTTON_STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

  // A message's components: rows of buttons and selects, or with the IS_COMPONENTS_V2 flag a layout of sections,
  // text, media, files, separators and cards (containers), as Discord's client lays them out.
  function componentsNode(message) {
    const layout = Boolean(message.flags & COMPONENTS_V2);
    const box = el('div', layout ? 'components layout' : 'components');
    for (const component of message.components || []) {
      const node = layout ? layoutNode(message, component) : (component.type === 1 ? rowNode(message, component) : null);
      if (node) box.append(node);
    }
    return box.childNodes.length ? box : null;
  }

  function rowNode(message, row) {
    const node = el('div', 'action-row');
    node.setAttribute('role', 'group');
    for (const component of row.components || []) {
      if (component.type === 2) node.append(buttonNode(message, component));
      else if ([3, 5, 6, 7, 8].includes(component.type)) node.append(selectNode(message, component));
    }
    return node;
  }

  function layoutNode(message, component) {
    switch (component.type) {
      case 1: return rowNode(message, component);
      case 9: return sectionNode(message, component);
      case 10: return el('div', 'text-display', window.DiscordMarkdown.render(component.content || '', names));
      case 11: return mediaNode(component.media, component.description, component.spoiler, 'thumbnail');
      case 12: return el('div', 'gallery', ...(component.items || [])
        .map((item) => mediaNode(item.media, item.description, item.spoiler, 'gallery-item')));
      case 13: return fileNode(component);
      case 14: return separatorNode(component);
      case 17: return cardNode(message, component);
      default: return null;
    }
  }

  // a section: its texts on the left, its thumbnail or button on the right
  function sectionNode(message, section) {
    const texts = el('div', 'section-texts', ...(section.components || []).map((c) => layoutNode(message, c)));
    const accessory = section.accessory;
    const right = !accessory ? null : accessory.type === 2 ? buttonNode(message, accessory)
      : layoutNode(message, accessory);
    return el('div', 'section', texts, right ? el('div', 'section-accessory', right) : null);
  }

  // a container: a card with the accent colour as a bar on its left
  function cardNode(message, container) {
    const card = el('article', 'card' + (container.spoiler ? ' spoiler' : ''),
      ...(container.components || []).map((c) => layoutNode(message, c)));
    if (Number.isInteger(container.accent_color)) {
      card.style.borderLeftColor = '#' + container.accent_color.toString(16).padStart(6, '0');
      card.classList.add('accented');
    }
    return card;
  }

  function mediaNode(media, description, spoiler, className) {
    const url = media && media.url;
    const image = el('img', '');
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) image.src = url;
    image.alt = description || '';
    if (description) image.title = description;
    return el('figure', className + (spoiler ? ' spoiler' : ''), image);
  }

  // a file component: the file's card, its name a link to it and its size
  function fileNode(component) {
    const file = component.file || {};
    const name = component.name || String(file.url || '').replace(/^.*\//, '') || 'file';
    return el('div', 'file-card' + (component.spoiler ? ' spoiler' : ''), el('span', 'file-icon', '📄'),
      safeLink(file.url, name), Number.isInteger(component.size) ? el('span', 'file-size', `${component.size} bytes`)
        : null);
  }

  function separatorNode(component) {
    const large = component.spacing === 2;
    const node = el(component.divider === false ? 'div' : 'hr', 'separator' + (large ? ' large' : ''));
    if (component.divider === false) node.classList.add('invisible');
    return node;
  }

  /* ------------------------------------------------------------------ polls */

  // A poll as Discord's client shows it: the question, each answer with its votes and share, a vote as the current
  // user (several answers at once where the poll allows it), taking the votes back, and when it ends or ended.
  function pollNode(message) {
    const poll = message.poll;
    const results = poll.results || { is_finalized: false, answer_counts: [] };
    const counts = new Map((results.answer_counts || []).map((c) => [c.id, c.count]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const most = Math.max(0, ...counts.values());
    const ended = results.is_finalized || new Date(poll.expiry) <= new Date();
    const node = el('section', 'poll' + (ended ? ' ended' : ''));
    node.append(el('div', 'poll-question', poll.question && poll.question.text));
    node.append(el('div', 'note', ended ? 'Poll closed' : (poll.allow_multiselect ? 'Select one or more answers'
      : 'Select one answer')));
    const list = el('ul', 'poll-answers');
    const chosen = new Set();
    for (const answer of poll.answers || []) {
      const count = counts.get(answer.answer_id) || 0;
      const percent = total ? Math.round((count * 100) / total) : 0;
      const media = answer.poll_media || {};
      const bar = el('span', 'poll-bar');
      bar.style.width = percent + '%';
      const label = [emoji(media), media.text].filter(Boolean).join(' ');
      const row = el(ended ? 'div' : 'button', 'poll-answer' + (ended && total && count === most ? ' winner' : ''), bar,
        el('span', 'poll-text', label), el('span', 'poll-count', `${count} ${count === 1 ? 'vote' : 'votes'}`),
        el('span', 'poll-percent', `${percent}%`));
      row.dataset.answerId = answer.answer_id;
      if (!ended) {
        row.type = 'button';
        row.setAttribute('aria-pressed', 'false');
        row.addEventListener('click', () => {
          if (!poll.allow_multiselect) {
            vote(message, [answer.answer_id]);
            return;
          }
          if (chosen.has(answer.answer_id)) chosen.delete(answer.answer_id);
          else chosen.add(answer.answer_id);
          row.setAttribute('aria-pressed', String(chosen.has(answer.answer_id)));
        });
      }
      list.append(el('li', '', row));
    }
    node.append(list);
    const footer = el('div', 'poll-footer', el('span', 'poll-total', `${total} ${total === 1 ? 'vote' : 'votes'}`),
      ' · ', el('span', 'poll-end', ended ? 'Poll closed' : `ends ${new Date(poll.expiry).toLocaleString()}`));
    if (!ended) {
      if (poll.allow_multiselect) {
        footer.append(' ', button('Vote', 'primary', () => {
          if (chosen.size) vote(message, [...chosen]);
          else showError('Choose one or more answers first.');
        }));
      }
      footer.append(' ', button('Remove vote', 'secondary', () => removeVote(message)));
    }
    node.append(footer);
    return node;
  }

  function button(label, style, action) {
    const node = el('button', 'component-button ' + style, label);
    node.type = 'button';
    node.addEventListener('click', action);
    return node;
  }

  async function vote(message, answers) {
    showError('');
    try {
      await api('POST', `/emulator/messages/${encodeURIComponent(message.id)}/votes`, { user: me(), answer_ids: answers });
      refreshMessages().catch(() => {});
    }
    catch (error) {
      showError(`Discord did not take that vote: ${reason(error)}`);
    }
  }

  async function removeVote(message) {
    showError('');
    try {
      await api('DELETE', `/emulator/messages/${encodeURIComponent(message.id)}/votes?user=${encodeURIComponent(me())}`);
      refreshMessages().catch(() => {});
    }
    catch (error) {
      showError(`Discord did not take that vote back: ${reason(error)}`);
    }
  }

  function emoji(component) {
    const e = component.emoji;
    if (!e) return '';
    return e.id ? `:${e.name}:` : (e.name || '');
  }

  // an application's or a guild's emoji as Discord's client shows it: its image from the CDN
  function emojiImage(e) {
    const image = el('img', 'md-emoji');
    image.src = `/emojis/${encodeURIComponent(e.id)}.${e.animated ? 'gif' : 'png'}`;
    image.alt = `:${e.name}:`;
    image.title = `:${e.name}:`;
    return image;
  }

  function buttonNode(message, component) {
    if (component.style === 6) return premiumButton(component);
    const label = [emoji(component), component.label].filter(Boolean).join(' ') || component.custom_id || '…';
    if (component.style === 5) {
      const node = component.disabled ? el('span', '', label) : safeLink(component.url, label);
      node.className = 'component-button link' + (component.disabled ? ' disabled' : '');
      node.append(el('span', 'link-icon', '↗'));
      if (node.tagName === 'A') node.title = component.url;
      else node.setAttribute('aria-disabled', 'true');
      return node;
    }
    const image = component.emoji && component.emoji.id && emojiImage(component.emoji);
    const button = el('button', 'component-button ' + (BUTTON_STYLES[component.style] || 'secondary'), image,
      image ? component.label || '' : label);
    button.type = 'button';
    button.disabled = Boolean(component.disabled) || component.style === 6;
    button.dataset.customId = component.custom_id || '';
    button.addEventListener('click', () => sendComponent(message, component, undefined,
      ` clicked “${component.label || component.custom_id}”`));
    return button;
  }

  // [value, label, description, selected] for each choice of a select menu
  // Discord's premium button: its shop icon, the SKU's name and price; a click opens the purchase dialog, and never
  // reaches the bot
  function premiumButton(component) {
    const sku = world.skus.find((s) => s.id === component.sku_id);
    const button = el('button', 'component-button premium', el('span', 'shop-icon', '🛒'),
      sku ? sku.name : `Unknown SKU ${component.sku_id}`, sku ? el('span', 'price', sku.price) : null);
    button.type = 'button';
    button.disabled = Boolean(component.disabled) || !sku;
    button.dataset.skuId = component.sku_id || '';
    if (sku) button.addEventListener('click', () => openPurchase(sku));
    return button;
  }

  function selectChoices(component) {
    const defaults = new Set((component.default_values || []).map((d) => d.id));
    const users = world.users.map((u) => [u.id, '@' + u.username, u.bot ? 'bot' : 'user', defaults.has(u.id)]);
    const roles = world.roles.filter((r) => r.name !== '@everyone')
      .map((r) => [r.id, '@' + r.name, 'role', defaults.has(r.id)]);
    switch (component.type) {
      case 3: return (component.options || []).map((o) => [o.value, [emoji(o), o.label].filter(Boolean).join(' '),
        o.description, o.default]);
      case 5: return users;
      case 6: return roles;
      case 7: return [...users, ...roles];
      default: return world.channels
        .filter((c) => !component.channel_types || component.channel_types.includes(c.type))
        .map((c) => [c.id, '#' + c.name, null, defaults.has(c.id)]);
    }
  }

  // a select menu (string, user, role, mentionable or channel) as a <select>, in a message or in a modal
  function picker(component) {
    const select = el('select', 'component-select');
    select.multiple = (component.max_values ?? 1) > 1;
    select.disabled = Boolean(component.disabled);
    select.dataset.customId = component.custom_id || '';
    const placeholder = el('option', '', component.placeholder || 'Make a selection');
    placeholder.value = '';
    placeholder.disabled = true;
    if (!select.multiple) select.append(placeholder);
    for (const [value, label, description, selected] of selectChoices(component)) {
      const option = el('option', '', label);
      option.value = value;
      if (description) option.title = description;
      option.defaultSelected = Boolean(selected);
      select.append(option);
    }
    if (!select.multiple && ![...select.options].some((o) => o.defaultSelected)) placeholder.selected = true;
    return select;
  }

  function selectNode(message, component) {
    const min = component.min_values ?? 1;
    const max = component.max_values ?? 1;
    const select = picker(component);
    select.setAttribute('aria-label', component.placeholder || 'Make a selection');
    const submit = () => {
      const chosen = [...select.selectedOptions].filter((o) => o.value);
      if (chosen.length < min || chosen.length > max) {
        showError(min === max ? `Choose ${min} for “${component.placeholder || 'this menu'}”.`
          : `Choose ${min} to ${max} for “${component.placeholder || 'this menu'}”.`);
        return;
      }
      sendComponent(message, component, chosen.map((o) => o.value),
        ` chose ${chosen.map((o) => '“' + o.textContent + '”').join(', ')}`);
    };
    if (!select.multiple) {
      select.addEventListener('change', submit);
      return select;
    }
    const apply = el('button', 'component-button secondary', 'Choose');
    apply.type = 'button';
    apply.disabled = select.disabled;
    apply.addEventListener('click', submit);
    return el('span', 'component-multi', select, apply);
  }

  async function sendComponent(message, component, values, action) {
    showError('');
    const body = { type: 'component', message_id: message.id, custom_id: component.custom_id, user: me(),
      channel_id: message.channel_id };
    if (values) body.values = values;
    try {
      const answer = await interact(body);
      if (answer && answer.id) {
        started.set(answer.id, { user: me(), type: 3, action });
        watch(answer.id);
      }
      refreshMessages().catch(() => {});
    }
    catch (error) {
      showError(`The emulator could not deliver that ${component.type === 2 ? 'click' : 'choice'}: ${reason(error)}`);
    }
  }

  // After a slash command or a click: wait for the bot's callback, and show its modal if it answers with one.
  async function watch(id) {
    const until = Date.now() + INTERACTION_WATCH_MS;
    while (interactionRoute && Date.now() < until) {
      await delay(INTERACTION_POLL_MS);
      let interaction;
      try {
        interaction = await api('GET', '/emulator/interactions/' + encodeURIComponent(id));
      }
      catch (error) {
        if (error.status === 404 && /No such emulator route/.test(error.message)) interactionRoute = false;
        if (!(error instanceof ApiError)) continue;
        return;
      }
      if (interaction.callback_type === 9 && interaction.modal) {
        openModal(interaction.modal);
        return;
      }
      if (interaction.callback_type) return;
    }
  }

  /* ------------------------------------------------------------------ premium: SKUs, purchases, entitlements */

  const SKU_TYPES = { 2: 'one-time purchase', 3: 'consumable', 5: 'subscription' };
  let premiumShown = '';
  let purchasing = null; // the SKU whose purchase dialog is open

  // the entitlements of the user the page acts as
  async function loadPremium() {
    const user = me();
    const entitlements = await api('GET', '/emulator/entitlements?user=' + encodeURIComponent(user));
    if (!sameName(user, me())) return;
    world.entitlements = entitlements;
    renderPremium();
  }

  const held = (sku) => world.entitlements.filter((e) => e.sku_id === sku.id && e.active);

  // the sidebar's SKUs, each owned or not by the user the page acts as, granted or taken back with a click
  function renderPremium() {
    const skus = world.skus.filter((sku) => SKU_TYPES[sku.type]);
    const shown = JSON.stringify([me(), skus, world.entitlements.filter((e) => e.active).map((e) => [e.id, e.sku_id])]);
    if (shown === premiumShown) return;
    premiumShown = shown;
    $('premium-user').textContent = me();
    $('skus').replaceChildren(...skus.map((sku) => {
      const owned = held(sku);
      const state = el('span', 'sku-state', owned.length ? 'owned' : sku.price);
      const action = el('button', 'sku-action', owned.length ? 'Revoke' : 'Grant');
      action.type = 'button';
      action.title = owned.length ? `Take ${sku.name} back from ${me()}, as a refund does`
        : `Give ${me()} ${sku.name}, as a purchase does`;
      action.addEventListener('click', () => (owned.length ? revoke(sku, owned) : grant(sku)));
      const item = el('li', 'sku', el('span', 'sku-name', sku.name), el('span', 'sku-type', SKU_TYPES[sku.type]),
        state, action);
      item.dataset.skuId = sku.id;
      return item;
    }));
  }

  async function buy(sku) {
    const user = me();
    await api('POST', '/emulator/entitlements', { user, sku_id: sku.id });
    $('hint').textContent = `${user} bought ${sku.name}.`;
    premiumShown = '';
    await loadPremium();
  }

  async function grant(sku) {
    showError('');
    try {
      await buy(sku);
    }
    catch (error) {
      showError(`Could not give ${me()} ${sku.name}: ${reason(error)}`);
    }
  }

  async function revoke(sku, owned) {
    showError('');
    try {
      for (const entitlement of owned) await api('DELETE', '/emulator/entitlements/' + encodeURIComponent(entitlement.id));
      $('hint').textContent = `${sku.name} was taken back from ${me()}.`;
    }
    catch (error) {
      showError(`Could not take ${sku.name} back: ${reason(error)}`);
    }
    premiumShown = '';
    await loadPremium();
  }

  // Discord's purchase dialog, as a premium button opens it; here nothing is paid
  function openPurchase(sku) {
    const dialog = $('purchase');
    if (dialog.open) return;
    purchasing = sku;
    $('purchase-title').textContent = `${sku.name}, ${sku.price}`;
    $('purchase-text').textContent = `${SKU_TYPES[sku.type] || 'SKU'} of the app, for ${me()}. In the emulator nothing `
      + 'is paid: buying grants it, and the bot hears of it (ENTITLEMENT_CREATE).';
    $('purchase-error').textContent = '';
    dialog.showModal();
  }

  async function confirmPurchase(event) {
    event.preventDefault();
    if (!purchasing) return;
    try {
      await buy(purchasing);
      $('purchase').close();
    }
    catch (error) {
      $('purchase-error').textContent = `Discord would not sell it: ${reason(error)}`;
    }
  }

  /* ------------------------------------------------------------------ modals */

  let modal = null; // { definition, channelId }

  function openModal(definition) {
    const dialog = $('modal');
    if (dialog.open) return;
    $('modal-title').textContent = definition.title || 'Form';
    $('modal-error').textContent = '';
    const fields = $('modal-fields');
    fields.replaceChildren();
    let n = 0;
    for (const component of definition.components || []) {
      if (component.type === 10) {
        fields.append(el('div', 'modal-text', window.DiscordMarkdown.render(component.content || '', names)));
        continue;
      }
      // a label (type 18) around an input, or the older action row (type 1) holding a labelled input
      const input = component.type === 1 ? (component.components || [])[0] : component.component;
      const label = component.type === 1 ? input && input.label : component.label;
      if (!input || ![3, 4, 5, 6, 7, 8, 19, 21, 22, 23].includes(input.type)) continue;
      const id = 'modal-field-' + n++;
      let control;
      if ([21, 22, 23].includes(input.type)) {
        control = choices(input, id);
      }
      else if (input.type === 19) {
        control = el('input');
        control.type = 'file';
        control.multiple = (input.max_values ?? 1) > 1;
        control.addEventListener('change', () => control.setCustomValidity(''));
      }
      else if (input.type === 4) {
        control = el(input.style === 2 ? 'textarea' : 'input');
        if (input.style === 2) control.rows = 4;
        else control.type = 'text';
        if (input.min_length !== undefined && input.min_length !== null) control.minLength = input.min_length;
        if (input.max_length !== undefined && input.max_length !== null) control.maxLength = input.max_length;
        if (input.placeholder) control.placeholder = input.placeholder;
        if (input.value) control.value = input.value;
        control.addEventListener('input', () => control.setCustomValidity(''));
      }
      else {
        control = picker(input);
      }
      control.id = id;
      control.dataset.customId = input.custom_id;
      control.dataset.type = input.type;
      // a checkbox is never required; a group of radios or checkboxes says so on its first one
      const required = input.type !== 23 && input.required !== false;
      if ([21, 22].includes(input.type)) control.dataset.required = String(required);
      else if (input.type !== 23) control.required = required;
      if (input.type === 21 && required) control.querySelector('input').required = true;
      const labelNode = el([21, 22, 23].includes(input.type) ? 'span' : 'label', 'field-label', label || input.custom_id);
      if (labelNode.tagName === 'LABEL') labelNode.htmlFor = id;
      else {
        labelNode.id = id + '-label';
        control.setAttribute('aria-labelledby', labelNode.id);
      }
      const mark = required && el('span', 'required', ' *');
      if (mark) {
        mark.setAttribute('aria-hidden', 'true');
        labelNode.append(mark);
      }
      const field = el('div', 'field', labelNode);
      if (component.description) {
        const description = el('div', 'description', component.description);
        description.id = id + '-description';
        control.setAttribute('aria-describedby', description.id);
        field.append(description);
      }
      field.append(control);
      fields.append(field);
    }
    modal = { definition, channelId: current && current.id };
    dialog.showModal();
  }

  // a radio group (21), a checkbox group (22) or a checkbox (23): native inputs in a group
  function choices(input, id) {
    const group = el('div', 'choices');
    group.setAttribute('role', input.type === 21 ? 'radiogroup' : 'group');
    const options = input.type === 23 ? [{ value: 'true', label: 'Yes', default: input.default }] : input.options || [];
    options.forEach((option, i) => {
      const box = el('input');
      box.type = input.type === 21 ? 'radio' : 'checkbox';
      box.name = id;
      box.id = `${id}-${i}`;
      box.value = option.value;
      box.defaultChecked = Boolean(option.default);
      const text = el('label', '', box, ' ' + (option.label || option.value));
      if (option.description) text.title = option.description;
      group.append(text);
    });
    // the limits are checked again on submit; a message left from before would stop it
    group.addEventListener('change', () => group.querySelectorAll('input').forEach((box) => box.setCustomValidity('')));
    return group;
  }

  // the files picked in a file upload, as the emulator takes them: name, media type and base64 content
  async function picked(control) {
    const files = [];
    for (const file of control.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      files.push({ filename: file.name, content_type: file.type || 'application/octet-stream', data: btoa(binary) });
    }
    return files;
  }

  async function submitModal(event) {
    event.preventDefault();
    const form = $('modal-form');
    const controls = [...form.querySelectorAll('[data-custom-id]')];
    for (const control of controls.filter((c) => c.dataset.type === '4')) {
      const short = control.value.length > 0 && control.value.length < control.minLength;
      control.setCustomValidity(short ? `Please use at least ${control.minLength} characters.` : '');
    }
    const inputs = new Map(modal.definition.components.map((c) => c.type === 1 ? (c.components || [])[0] : c.component)
      .filter(Boolean).map((input) => [input.custom_id, input]));
    for (const group of controls.filter((c) => c.dataset.type === '22')) {
      const input = inputs.get(group.dataset.customId) || {};
      const count = group.querySelectorAll('input:checked').length;
      const min = group.dataset.required === 'true' ? Math.max(1, input.min_values ?? 1) : input.min_values ?? 0;
      const max = input.max_values ?? (input.options || []).length;
      const first = group.querySelector('input');
      if (first) first.setCustomValidity((count === 0 && min === 0) || (count >= min && count <= max) ? ''
        : min === max ? `Please tick ${min}.` : `Please tick ${min} to ${max}.`);
    }
    for (const upload of controls.filter((c) => c.dataset.type === '19')) {
      const input = inputs.get(upload.dataset.customId) || {};
      const max = input.max_values ?? 1;
      upload.setCustomValidity(upload.files.length > max ? `Please pick at most ${max} files.` : '');
    }
    if (!form.reportValidity() || !modal) return;
    const fields = {};
    const files = {};
    for (const control of controls) {
      const customId = control.dataset.customId;
      switch (control.dataset.type) {
        case '19': files[customId] = await picked(control); break;
        case '21': fields[customId] = (control.querySelector('input:checked') || { value: '' }).value; break;
        case '22': fields[customId] = [...control.querySelectorAll('input:checked')].map((box) => box.value); break;
        case '23': fields[customId] = control.querySelector('input').checked; break;
        case '4': fields[customId] = control.value; break;
        default: fields[customId] = [...control.selectedOptions].map((o) => o.value).filter(Boolean).join(',');
      }
    }
    try {
      const answer = await interact({ type: 'modal', custom_id: modal.definition.custom_id, fields, files, user: me(),
        channel_id: modal.channelId });
      if (answer && answer.id) {
        started.set(answer.id, { user: me(), type: 5, action: ` submitted “${modal.definition.title || 'a form'}”` });
      }
      $('modal').close();
      refreshMessages().catch(() => {});
    }
    catch (error) {
      $('modal-error').textContent = `The emulator could not submit the form: ${reason(error)}`;
    }
  }

  /* ------------------------------------------------------------------ slash commands */

  const OPTION_TYPES = { 3: 'text', 4: 'a whole number', 5: 'true or false', 6: 'a user', 7: 'a channel',
    8: 'a role', 9: 'a user or role', 10: 'a number', 11: 'a file' };

  // every runnable command path: "idea", "tag add", "admin tag remove"; shown in the user's language ("idee")
  function slashEntries() {
    const entries = [];
    const add = (path, shown, definition) => {
      const options = definition.options || [];
      const subs = options.filter((o) => o.type === 1 || o.type === 2);
      if (!subs.length) entries.push({ path, shown, description: localized(definition, 'description'), options });
      for (const sub of subs) add(path + ' ' + sub.name, shown + ' ' + localized(sub, 'name'), sub);
    };
    for (const command of world.commands.filter(offeredHere)) {
      if ((command.type || 1) === 1) add(command.name, localized(command, 'name'), command);
    }
    return entries;
  }

  function selectOf(pairs) {
    const select = el('select');
    const none = el('option', '', '—');
    none.value = '';
    select.append(none, ...pairs.map(([value, label]) => {
      const option = el('option', '', label);
      option.value = value;
      return option;
    }));
    return select;
  }

  function optionControl(option) {
    if (option.choices && option.choices.length) {
      return selectOf(option.choices.map((c) => [String(c.value), localized(c, 'name')]));
    }
    const input = el('input');
    input.type = 'text';
    switch (option.type) {
      case 4:
      case 10:
        input.type = 'number';
        input.step = option.type === 4 ? '1' : 'any';
        if (option.min_value !== undefined) input.min = option.min_value;
        if (option.max_value !== undefined) input.max = option.max_value;
        if (input.min && input.max) input.placeholder = `${input.min} to ${input.max}`;
        return input;
      case 5: return selectOf([['true', 'True'], ['false', 'False']]);
      case 6: return selectOf(world.users.map((u) => [u.id, '@' + u.username]));
      case 7: return selectOf(world.channels.filter((c) => !option.channel_types || option.channel_types.includes(c.type))
        .map((c) => [c.id, '#' + c.name]));
      case 8: return selectOf(world.roles.map((r) => [r.id, r.name.startsWith('@') ? r.name : '@' + r.name]));
      case 9: return selectOf([...world.users.map((u) => ['user:' + u.id, '@' + u.username]),
        ...world.roles.map((r) => ['role:' + r.id, r.name.startsWith('@') ? r.name : '@' + r.name])]);
      case 11:
        input.disabled = true;
        input.placeholder = 'Files cannot be attached from this page';
        return input;
      default:
        if (option.min_length !== undefined) input.minLength = option.min_length;
        if (option.max_length !== undefined) input.maxLength = option.max_length;
        return input;
    }
  }

  function optionValue(option, raw) {
    if (raw === '') return undefined;
    if (option.choices && option.choices.length) {
      const choice = option.choices.find((c) => String(c.value) === raw);
      return choice ? choice.value : raw;
    }
    switch (option.type) {
      case 4:
      case 10: return Number(raw);
      case 5: return raw === 'true';
      case 6: return `<@${raw}>`;
      case 7: return `<#${raw}>`;
      case 8: return `<@&${raw}>`;
      case 9: return raw.startsWith('role:') ? `<@&${raw.slice(5)}>` : `<@${raw.slice(5)}>`;
      default: return raw;
    }
  }

  function optionField(option) {
    const id = 'option-' + option.name;
    const label = el('label', '', localized(option, 'name'));
    label.htmlFor = id;
    if (option.required) {
      const mark = el('span', 'required', ' *');
      mark.title = 'required';
      label.append(mark);
    }
    else {
      label.append(el('span', 'optional', ' (optional)'));
    }
    const control = optionControl(option);
    control.id = id;
    control.name = option.name;
    let suggestions = null;
    if (option.autocomplete && control.tagName === 'INPUT') {
      suggestions = el('datalist');
      suggestions.id = id + '-choices';
      control.setAttribute('list', suggestions.id);
      const ask = () => autocomplete(option, control, suggestions);
      control.addEventListener('focus', ask);
      control.addEventListener('input', ask);
    }
    control.required = Boolean(option.required) && !control.disabled;
    control.addEventListener('input', () => control.removeAttribute('aria-invalid'));
    const description = el('div', 'description', localized(option, 'description') || OPTION_TYPES[option.type] || '');
    description.id = id + '-description';
    control.setAttribute('aria-describedby', description.id);
    return el('div', 'field', label, control, suggestions, description);
  }

  // the bot's suggestions for what is typed in an option, as Discord's client asks for them (autocomplete)
  function autocomplete(option, control, list) {
    clearTimeout(control.autocompleteTimer);
    control.autocompleteTimer = setTimeout(async () => {
      if (!slashEntry) return;
      try {
        const answer = await interact({ type: 'autocomplete', command: slashEntry.path,
          options: formOptions(option.name), option: option.name, value: control.value, user: me(),
          channel_id: current.id });
        list.replaceChildren(...(answer.choices || []).map((choice) => {
          const item = el('option');
          item.value = String(choice.value);
          if (item.value !== choice.name) item.label = choice.name;
          return item;
        }));
      }
      catch {
        list.replaceChildren(); // no suggestions: the field still takes what is typed
      }
    }, 150);
  }

  // the slash form's values, typed as the registered options say; all but the one named
  function formOptions(except) {
    const options = {};
    for (const option of slashEntry.options) {
      const control = $('slash-fields').querySelector(`[name="${CSS.escape(option.name)}"]`);
      const value = control && option.name !== except ? optionValue(option, control.value) : undefined;
      if (value !== undefined) options[option.name] = value;
    }
    return options;
  }

  function pickCommand(entry) {
    slashEntry = entry;
    const content = $('content');
    content.value = '';
    content.hidden = true;
    content.disabled = true;
    const fieldset = $('slash');
    fieldset.hidden = false;
    fieldset.disabled = false;
    $('slash-name').textContent = '/' + entry.shown;
    $('slash-description').textContent = entry.description || '';
    const fields = $('slash-fields');
    fields.replaceChildren(...entry.options.map(optionField));
    if (!entry.options.length) fields.append(el('p', 'note', 'No options: press Send.'));
    (fields.querySelector('input:not([disabled]), select') || $('send')).focus();
  }

  function leaveSlash() {
    slashEntry = null;
    const fieldset = $('slash');
    fieldset.hidden = true;
    fieldset.disabled = true;
    $('slash-fields').replaceChildren();
    const content = $('content');
    content.hidden = false;
    content.disabled = false;
    content.focus();
  }

  // "/roll sides:6 reason:for the win" typed out in full -> { command: "roll", options: { sides: "6", reason: "for the win" } };
  // names in the user's language ("/idee thema:games") are sent as the default ones, as Discord's client does
  function parseTyped(text) {
    const body = text.slice(1).trim();
    const typed = slashEntries().flatMap((e) => [[e.path, e], [e.shown, e]]).sort((a, b) => b[0].length - a[0].length)
      .find(([path]) => body === path || body.startsWith(path + ' '));
    const entry = typed ? typed[1] : null;
    const path = typed ? typed[0] : body.split(/\s+/)[0];
    const rest = body.slice(path.length);
    const options = {};
    const starts = [...rest.matchAll(/(?:^|\s)([-_'\p{L}\p{N}\p{M}]{1,32}):(?!\/\/)/gu)];
    starts.forEach((m, i) => {
      let value = rest.slice(m.index + m[0].length, i + 1 < starts.length ? starts[i + 1].index : rest.length).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      const option = entry && entry.options.find((o) => o.name !== m[1] && localized(o, 'name') === m[1]);
      options[option ? option.name : m[1]] = value;
    });
    return { command: entry ? entry.path : path, options };
  }

  // Discord's refusal, in words: "Discord did not accept /idea: topic: Must be between 1 and 100 in length."
  function reason(error) {
    if (!(error instanceof ApiError)) return 'the emulator is not reachable.';
    return String(error.message).replace(/^Invalid Form Body:\s*/, '');
  }

  async function runCommand(command, options) {
    try {
      const answer = await interact({ channel_id: current.id, user: me(), command, options });
      started.set(answer.id, { user: me(), type: 2, command });
      watch(answer.id);
      refreshMessages().catch(() => {});
      return true;
    }
    catch (error) {
      showError(`Discord did not accept /${command}: ${reason(error)}`);
      if (slashEntry && error instanceof ApiError) {
        let first = null;
        for (const problem of String(error.message).replace(/^Invalid Form Body:\s*/, '').split('; ')) {
          const name = problem.split(':')[0].split('.').pop();
          const control = $('slash-fields').querySelector(`[name="${CSS.escape(name)}"]`);
          if (control) {
            control.setAttribute('aria-invalid', 'true');
            first = first || control;
          }
        }
        if (first) first.focus();
      }
      return false;
    }
  }

  /* ------------------------------------------------------------------ the composer */

  const popup = { items: [], active: 0, pick: null };

  function showSuggestions(items, pick) {
    Object.assign(popup, { items, pick, active: 0 });
    $('suggestions').replaceChildren(...items.map((item, index) => {
      const option = el('li', 'suggestion', el('span', 'suggestion-label', item.label),
        item.detail ? el('span', 'suggestion-detail', item.detail) : null);
      option.id = 'suggestion-' + index;
      option.setAttribute('role', 'option');
      option.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep the focus in the composer
        choose(index);
      });
      return option;
    }));
    $('suggestions').hidden = false;
    highlight(0);
  }

  function highlight(index) {
    popup.active = index;
    [...$('suggestions').children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    $('content').setAttribute('aria-activedescendant', 'suggestion-' + index);
    $('suggestion-' + index).scrollIntoView({ block: 'nearest' });
  }

  function hideSuggestions() {
    popup.items = [];
    $('suggestions').hidden = true;
    $('suggestions').replaceChildren();
    $('content').removeAttribute('aria-activedescendant');
  }

  function choose(index) {
    const item = popup.items[index];
    const pick = popup.pick;
    hideSuggestions();
    pick(item);
  }

  function suggest() {
    const input = $('content');
    const before = input.value.slice(0, input.selectionStart);
    let m = /^\/([-_'\p{L}\p{N}\p{M}]*(?: [-_'\p{L}\p{N}\p{M}]*){0,2})$/u.exec(before);
    if (m && before === input.value) {
      const query = m[1].toLowerCase();
      const items = slashEntries().filter((e) => e.shown.toLowerCase().startsWith(query) || e.path.startsWith(query))
        .slice(0, 25).map((e) => ({ label: '/' + e.shown, detail: e.description, entry: e }));
      if (items.length) return showSuggestions(items, (item) => pickCommand(item.entry));
    }
    m = /(?:^|\s)@([^\s@<>]{0,32})$/.exec(before);
    if (m) {
      const typed = m[1];
      const matches = (name) => name.toLowerCase().startsWith(typed.toLowerCase());
      const items = [
        ...world.users.filter((u) => matches(u.username))
          .map((u) => ({ label: '@' + u.username, detail: u.bot ? 'bot' : 'user', text: '@' + u.username, mention: `<@${u.id}>` })),
        ...world.roles.filter((r) => r.name !== '@everyone' && matches(r.name))
          .map((r) => ({ label: '@' + r.name, detail: 'role', text: '@' + r.name, mention: `<@&${r.id}>` })),
        ...['everyone', 'here'].filter(matches)
          .map((n) => ({ label: '@' + n, detail: n === 'here' ? 'everyone online' : 'everyone in the server', text: '@' + n, mention: '@' + n })),
      ].slice(0, 10);
      if (items.length) return showSuggestions(items, (item) => complete(typed.length + 1, item));
    }
    return hideSuggestions();
  }

  function complete(length, item) {
    const input = $('content');
    const caret = input.selectionStart;
    const before = input.value.slice(0, caret - length) + item.text + ' ';
    input.value = before + input.value.slice(caret);
    input.setSelectionRange(before.length, before.length);
    if (item.mention !== item.text) completions.set(item.text, item.mention);
    resize();
  }

  // what Discord's client sends: "@alice" completed (or typed out in full) becomes <@id>
  function withMentions(text) {
    let out = text;
    for (const [name, mention] of [...completions].sort((a, b) => b[0].length - a[0].length)) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out = out.replace(new RegExp(escaped + '(?![\\p{L}\\p{N}_])', 'gu'), mention);
    }
    return out.replace(/(^|\s)@([\p{L}\p{N}_.]{2,32})(?![\p{L}\p{N}_])/gu, (all, space, name) => {
      const user = world.users.find((u) => sameName(u.username, name));
      return user ? `${space}<@${user.id}>` : all;
    });
  }

  function resize() {
    const input = $('content');
    input.rows = Math.min(8, input.value.split('\n').length);
  }

  async function send(event) {
    event.preventDefault();
    showError('');
    if (!current) return;
    if (slashEntry) {
      if (await runCommand(slashEntry.path, formOptions(null))) leaveSlash();
      return;
    }
    const input = $('content');
    const text = input.value;
    if (!text.trim()) return;
    if (text.startsWith('/')) {
      const { command, options } = parseTyped(text);
      if (await runCommand(command, options)) input.value = '';
      resize();
      return;
    }
    try {
      await api('POST', '/emulator/messages', { channel_id: current.id, author: me(), content: withMentions(text) });
      input.value = '';
      completions.clear();
      resize();
      refreshMessages().catch(() => {});
    }
    catch (error) {
      showError(`Could not send the message: ${reason(error)}`);
    }
  }

  const content = $('content');
  content.addEventListener('input', () => {
    suggest();
    resize();
  });
  content.addEventListener('blur', hideSuggestions);
  content.addEventListener('keydown', (event) => {
    if (popup.items.length) {
      const n = popup.items.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight((popup.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        choose(popup.active);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        hideSuggestions();
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('slash').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      leaveSlash();
    }
  });
  $('slash-cancel').addEventListener('click', leaveSlash);
  $('composer').addEventListener('submit', send);
  $('author').addEventListener('change', () => {
    showLocale();
    renderPrivateChannels();
    loadPremium().catch(() => {});
    for (const entry of rendered.values()) entry.node.remove();
    rendered.clear();
    refreshMessages().catch(() => {});
  });
  $('locale').replaceChildren(...LOCALES.map(([code, name]) => {
    const option = el('option', '', `${name} (${code})`);
    option.value = code;
    option.lang = code;
    return option;
  }));
  $('locale').value = DEFAULT_LOCALE;
  $('locale').addEventListener('change', changeLocale);
  $('app-install').addEventListener('click', toggleAppInstall);
  document.addEventListener('click', (event) => { // an open Apps menu closes on a click elsewhere, as a menu does
    const inside = event.target instanceof Element ? event.target.closest('.menu') : null;
    closeMenus(inside);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeMenus(null, true);
  });
  $('modal-form').addEventListener('submit', submitModal);
  $('modal-cancel').addEventListener('click', () => $('modal').close());
  $('purchase-form').addEventListener('submit', confirmPurchase);
  $('purchase-cancel').addEventListener('click', () => $('purchase').close());

  async function poll() {
    try {
      await refreshMessages();
    }
    catch {
      // the status line says when the emulator is gone
    }
    setTimeout(poll, POLL_MS);
  }

  (async () => {
    await refreshStatus();
    const wanted = new URLSearchParams(location.search).get('channel');
    const channel = [...world.channels, ...world.privateChannels].find((c) => c.id === wanted) || world.channels[0];
    if (channel) select(channel);
    content.focus();
    setTimeout(poll, POLL_MS);
    setInterval(refreshStatus, 3000);
  })();
})();
