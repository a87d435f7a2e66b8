import type { UploadedFile } from "@/lib/attachments/store";

/** The form's file field (`file` unless named), or null when none was chosen. */
export async function uploadedFile(formData: FormData, field = "file"): Promise<UploadedFile | null> {
  const file = formData.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The files of a form's multiple file field (empty ones left out). */
export async function uploadedFiles(formData: FormData, field = "files"): Promise<UploadedFile[]> {
  const files = formData.getAll(field).filter((file): file is File => file instanceof File && file.size > 0);
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
