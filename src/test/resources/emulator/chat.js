// The emulator's chat page: pick a channel, talk as any user, see the bot answer. Plain JS, no build.
(() => {
  const $ = (id) => document.getElementById(id);
  let channels = [];
  let current = null;
  let rendered = '';
  let commands = [];

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.message) || `${response.status} ${response.statusText}`);
    }
    return json;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function loadChannels() {
    const guilds = await api('GET', '/emulator/guilds');
    const guild = guilds[0];
    $('guild-name').textContent = guild ? guild.name : 'No server';
    const text = guild ? guild.channels.filter((c) => c.type === 0) : [];
    const threads = guild ? guild.channels.filter((c) => c.type === 11) : [];
    channels = [];
    const list = $('channels');
    list.replaceChildren();
    for (const channel of text) {
      channels.push(channel);
      list.append(channelItem(channel, false));
      for (const thread of threads.filter((t) => t.parent_id === channel.id)) {
        channels.push(thread);
        list.append(channelItem(thread, true));
      }
    }
    if (!current && channels.length) select(channels[0]);
  }

  function channelItem(channel, isThread) {
    const item = el('li', isThread ? 'thread' : '');
    const button = el('button', '', (isThread ? '↳ ' : '# ') + channel.name);
    button.dataset.id = channel.id;
    button.addEventListener('click', () => select(channel));
    item.append(button);
    return item;
  }

  function select(channel) {
    current = channel;
    rendered = '';
    $('channel-title').textContent = '# ' + channel.name;
    for (const button of document.querySelectorAll('nav button')) {
      button.setAttribute('aria-current', String(button.dataset.id === channel.id));
    }
    refreshMessages();
    $('content').focus();
  }

  async function refreshMessages() {
    if (!current) return;
    const messages = await api('GET', '/emulator/messages?channel_id=' + encodeURIComponent(current.id));
    const signature = JSON.stringify(messages.map((m) => [m.id, m.content, m.flags, m.attachments.length]));
    if (signature === rendered) return;
    rendered = signature;
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const byId = new Map(messages.map((m) => [m.id, m]));
    list.replaceChildren(...messages.map((m) => messageItem(m, byId)));
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function messageItem(message, byId) {
    const item = el('li', message.mention_everyone ? 'everyone' : '');
    const reference = message.message_reference && message.message_reference.message_id;
    if (reference) {
      const original = byId.get(reference);
      const snippet = original ? `${original.author.username}: ${original.content.slice(0, 60)}` : 'a message';
      item.append(el('div', 'reply-to', '↱ replying to ' + snippet));
    }
    if (message.interaction_metadata) {
      item.append(el('div', 'reply-to', '↱ answering a slash command'));
    }
    const meta = el('div', 'meta');
    meta.append(el('span', 'author', message.author.username));
    if (message.author.bot) meta.append(el('span', 'bot-tag', 'BOT'));
    meta.append(document.createTextNode(new Date(message.timestamp).toLocaleTimeString()));
    item.append(meta);
    if (message.flags & 128) {
      item.append(el('div', 'note', `${message.author.username} is thinking…`));
    }
    else if (message.content) {
      item.append(el('div', 'content', message.content));
    }
    for (const attachment of message.attachments) {
      const line = el('div', 'attachment');
      const link = el('a', '', `📎 ${attachment.filename} (${attachment.size} bytes)`);
      link.href = attachment.url;
      line.append(link);
      item.append(line);
    }
    if (message.flags & 64) item.append(el('div', 'note', '(only you can see this)'));
    return item;
  }

  // "/tag add name:faq content:"Read the docs"" -> { command: "tag add", options: {name: "faq", content: "..."} }
  function parseSlash(text) {
    const tokens = text.slice(1).match(/(?:[^\s"]+:"[^"]*"|"[^"]*"|\S+)/g) || [];
    const path = [];
    const options = {};
    for (const token of tokens) {
      const colon = token.indexOf(':');
      if (colon > 0) {
        let value = token.slice(colon + 1);
        if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
        else if (/^-?\d+$/.test(value)) value = Number(value);
        else if (/^-?\d*\.\d+$/.test(value)) value = Number(value);
        else if (value === 'true' || value === 'false') value = value === 'true';
        options[token.slice(0, colon)] = value;
      }
      else if (Object.keys(options).length === 0) {
        path.push(token);
      }
    }
    return { command: path.join(' '), options };
  }

  async function send(event) {
    event.preventDefault();
    $('error').textContent = '';
    const content = $('content').value;
    const author = $('author').value.trim() || 'alice';
    if (!content.trim() || !current) return;
    try {
      if (content.startsWith('/')) {
        const { command, options } = parseSlash(content);
        await api('POST', '/emulator/interactions', { channel_id: current.id, user: author, command, options });
      }
      else {
        await api('POST', '/emulator/messages', { channel_id: current.id, author, content });
      }
      $('content').value = '';
      refreshMessages();
    }
    catch (error) {
      $('error').textContent = error.message;
    }
  }

  async function refreshStatus() {
    try {
      const status = await api('GET', '/emulator/status');
      const live = status.gateway.live_session;
      $('status').className = live ? 'live' : 'down';
      $('status').textContent = (live ? `${status.bot.username} is connected` : 'the bot is not connected')
        + ` · ${status.messages} messages · ${status.rest.requests} REST requests`;
      const registered = await api('GET', '/emulator/commands');
      commands = registered.filter((c) => (c.type ?? 1) === 1).map((c) => '/' + c.name);
      $('hint').textContent = 'Prefix commands start with "." (try .idea or .help).'
        + (commands.length ? ' Slash commands: ' + commands.join(', ') + '.' : '');
    }
    catch (error) {
      $('status').className = 'down';
      $('status').textContent = 'the emulator is not reachable';
    }
  }

  $('composer').addEventListener('submit', send);
  loadChannels().then(refreshMessages).catch((error) => { $('error').textContent = error.message; });
  refreshStatus();
  setInterval(() => refreshMessages().catch(() => {}), 700);
  setInterval(refreshStatus, 3000);
})();
