import type { Attachment } from '../../core/types';
import { SlackApiError, type SlackApi } from './api';

/**
 * Shares a file in a channel with Slack's external upload: ask for an upload URL, send the
 * bytes there, then complete the upload into the channel (files:write). The bytes go to the
 * URL Slack handed out, so a Slack-compatible server (SLACK_API_URL) receives them too.
 */
export async function uploadFile(api: SlackApi, channel: string, file: Attachment): Promise<void> {
  const bytes = Buffer.from(file.content, 'utf8');
  const target = await api.call('files.getUploadURLExternal', { filename: file.filename, length: bytes.length });
  const uploadUrl = String(target.upload_url ?? '');
  const fileId = String(target.file_id ?? '');
  if (!/^https?:\/\//.test(uploadUrl) || !fileId) throw new SlackApiError('files.getUploadURLExternal', 'invalid_response');
  const res = await fetch(uploadUrl, { method: 'POST', headers: { 'content-type': file.mime }, body: bytes });
  if (!res.ok) throw new SlackApiError('file upload', `http_${res.status}`);
  await api.call('files.completeUploadExternal', { files: [{ id: fileId, title: file.filename }], channel_id: channel });
}
